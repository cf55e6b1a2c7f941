/** Scenario 3 injects random packet loss with iptables, and the `iptables` command is not installed. */
export class IptablesMissingError extends Error {
  override readonly name = 'IptablesMissingError';

  constructor() {
    super(
      'scenario 3 needs the iptables command for random packet loss in each machine namespace, and it is not ' +
        'installed: run scripts/ensure-deps.sh as root, or apt-get install -y iptables',
    );
  }
}
