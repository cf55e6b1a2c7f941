/** A point in time after which a grade stops trying to prove equality. */
export interface Deadline {
  /** Milliseconds left (never negative). */
  remaining(): number;
  /** True once the time is up. */
  expired(): boolean;
}

/** Creates a deadline `ms` milliseconds from now on the given clock. */
export function createDeadline(ms: number, now: () => number): Deadline {
  const end = now() + ms;
  return {
    remaining: () => Math.max(0, end - now()),
    expired: () => now() >= end,
  };
}
