// Where a pod's addresses land on this machine: each container port gets a free loopback port,
// and Service names resolve to the loopback port of the pod behind them.

/** Container port → loopback port, for one pod. */
export type PortMap = ReadonlyMap<number, number>;

/** `<service>:<port>` (short and cluster-local names) → `127.0.0.1:<loopback port>`. */
export type ServiceMap = ReadonlyMap<string, string>;

/** The names a pod may use for a Service in its namespace. */
export function serviceHostNames(service: string, namespace: string): string[] {
  return [
    `${service}.${namespace}.svc.cluster.local`,
    `${service}.${namespace}.svc`,
    `${service}.${namespace}`,
    service,
  ];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewrites `service:port` and `localhost|127.0.0.1|0.0.0.0:containerPort` inside a string. */
function rewriteHosts(text: string, ports: PortMap, services: ServiceMap): string {
  let result = text;
  for (const [address, local] of services) {
    result = result.replace(new RegExp(`(?<![\\w.-])${escape(address)}(?!\\d)`, 'g'), local);
  }
  for (const [containerPort, local] of ports) {
    result = result.replace(
      new RegExp(`\\b(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0):${containerPort}(?!\\d)`, 'g'),
      `127.0.0.1:${local}`,
    );
  }
  return result;
}

/** An environment value or argument: a whole value equal to a container port is that port's loopback port. */
export function rewriteValue(value: string, ports: PortMap, services: ServiceMap): string {
  const asPort = ports.get(Number(value));
  if (/^\d+$/.test(value) && asPort !== undefined) return String(asPort);
  return rewriteHosts(value, ports, services);
}

/** A shell snippet (exec probes): container ports as whole words become loopback ports. */
export function rewriteShell(text: string, ports: PortMap, services: ServiceMap): string {
  let result = rewriteHosts(text, ports, services);
  for (const [containerPort, local] of ports) {
    result = result.replace(new RegExp(`(?<![\\w.:/-])${containerPort}(?![\\w.])`, 'g'), String(local));
  }
  return result;
}

/** A path inside a volume mount → the same path under the mount's local folder. */
export function rewritePath(value: string, mounts: ReadonlyMap<string, string>): string {
  for (const [mountPath, local] of mounts) {
    if (value === mountPath || value.startsWith(`${mountPath}/`)) return local + value.slice(mountPath.length);
  }
  return value;
}
