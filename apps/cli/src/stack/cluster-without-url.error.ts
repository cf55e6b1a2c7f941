/** Cluster seeds were given without the URL that carries the cluster's credentials. */
export class ClusterWithoutUrlError extends Error {
  override readonly name = 'ClusterWithoutUrlError';

  constructor() {
    super('--redis-cluster-nodes needs --redis-url (a redis:// URL of the cluster: its credentials and TLS).');
  }
}
