/** How a supervisor restarts a crashed child: exponential backoff, bounded by a crash budget per window. */
export interface RestartPolicy {
  /** Delay before the first restart; doubles with each crash inside the window. */
  readonly initialDelayMs: number;
  /** Cap on one delay. */
  readonly maxDelayMs: number;
  /** More crashes than this inside `windowMs` and the supervisor gives up on the child. */
  readonly maxRestarts: number;
  readonly windowMs: number;
}

/** @defaultValue 250 ms doubling to 10 s; at most 10 restarts a minute. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  maxRestarts: 10,
  windowMs: 60_000,
};

/** Crash times still inside the window ending at `now` (oldest first). */
export function recentCrashes(crashes: readonly number[], now: number, policy: RestartPolicy): number[] {
  return crashes.filter((at) => now - at < policy.windowMs);
}

/** The delay before restarting after the `count`-th crash inside the window (1-based), or undefined to give up. */
export function restartDelay(count: number, policy: RestartPolicy): number | undefined {
  if (count > policy.maxRestarts) return undefined;
  const exponent = Math.max(0, count - 1);
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
}
