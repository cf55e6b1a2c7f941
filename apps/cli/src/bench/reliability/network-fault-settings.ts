/** Loss and latency scenario 3 puts on every machine's link. */
export interface NetworkFaultSettings {
  /** Chance each IPv4 packet is dropped, in each direction separately (iptables `statistic`). */
  readonly lossProbability: number;
  /** Delay added to the machine's Redis traffic each way (ms), by the user-space relay. */
  readonly delayMs: number;
}

/** 5% loss and 20 ms each way unless THREADLOOM_NET_LOSS / THREADLOOM_NET_DELAY_MS say otherwise. */
export const DEFAULT_NETWORK_FAULTS: NetworkFaultSettings = { lossProbability: 0.05, delayMs: 20 };

/** Reads the settings from the environment; never throws. */
export function parseNetworkFaultSettings(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; value: NetworkFaultSettings } | { ok: false; issues: string[] } {
  const issues: string[] = [];
  const loss = numberOr(env['THREADLOOM_NET_LOSS'], DEFAULT_NETWORK_FAULTS.lossProbability);
  const delay = numberOr(env['THREADLOOM_NET_DELAY_MS'], DEFAULT_NETWORK_FAULTS.delayMs);
  // Loss past one packet in two stalls TCP for minutes (exponential back-off), not a degraded link.
  if (!(loss > 0 && loss <= 0.5)) issues.push('THREADLOOM_NET_LOSS: a fraction above 0, at most 0.5');
  if (!(Number.isInteger(delay) && delay >= 1 && delay <= 1000)) {
    issues.push('THREADLOOM_NET_DELAY_MS: an integer from 1 to 1000');
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { lossProbability: loss, delayMs: delay } };
}

function numberOr(text: string | undefined, fallback: number): number {
  return text === undefined || text.trim() === '' ? fallback : Number(text);
}
