/** How far the fine clock may stray from `Date.now()` before it is set again (the wall clock was stepped). */
const MAX_DRIFT_MS = 2;

/** Wall time of `performance.now()`'s zero; starts at the process's time origin, reset after a clock step. */
let origin = performance.timeOrigin;

/**
 * Time stamped on a progress event: milliseconds since the epoch, to the microsecond. `Date.now()` moves
 * in whole milliseconds, and the cycles read from events (a fork→join is ≈ 25 ms at time scale 0) are
 * compared to a few percent, where one millisecond is four. The fine clock is monotonic, so it follows
 * the wall clock through `Date.now()`: when the two part by more than MAX_DRIFT_MS, it starts again
 * from the wall clock.
 */
export function eventTimeMs(): number {
  const fine = origin + performance.now();
  const wall = Date.now();
  if (Math.abs(fine - wall) > MAX_DRIFT_MS) {
    origin = wall - performance.now();
    return wall;
  }
  return Math.round(fine * 1000) / 1000;
}
