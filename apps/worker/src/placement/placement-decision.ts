/** What one machine last reported: free sequence slots of its engine and when. */
export interface MachineLoad {
  readonly machine: string;
  readonly free: number;
  readonly at: number;
}

/**
 * Whether a worker should hand a job back to the queue instead of starting it: only when its own
 * engine has no free slot and some other machine reported one recently. When every engine is full the
 * job runs here and waits in the engine, so work is never parked while nothing could take it.
 */
export function shouldYield(
  localFree: number,
  fleet: readonly MachineLoad[],
  self: string,
  now: number,
  freshMs: number,
): boolean {
  if (localFree > 0) return false;
  return fleet.some((load) => load.machine !== self && load.free > 0 && now - load.at <= freshMs);
}

/** Parses the engine-load hash (`machine → "<free> <at>"`), skipping malformed entries. */
export function parseFleetLoad(hash: Readonly<Record<string, string>>): MachineLoad[] {
  return Object.entries(hash).flatMap(([machine, value]) => {
    const [free, at] = value.split(' ').map(Number);
    return free === undefined || at === undefined || !Number.isFinite(free) || !Number.isFinite(at)
      ? []
      : [{ machine, free, at }];
  });
}
