/** THREADLOOM_NET_LOSS or THREADLOOM_NET_DELAY_MS (scenario 3's loss and latency) is out of range. */
export class InvalidNetworkFaultsError extends Error {
  override readonly name = 'InvalidNetworkFaultsError';

  constructor(issues: readonly string[]) {
    super(`invalid network fault settings: ${issues.join('; ')}`);
  }
}
