import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's collector as `--expose-gc` gives it; `minor` is a scavenge of the young generation only. */
type CollectGarbage = (options: { readonly type: 'minor' | 'major' }) => void;

/** How full V8's young generation is, in bytes. */
export interface YoungGeneration {
  readonly used: number;
  readonly size: number;
}

/**
 * Share of the young generation in use above which a traced process scavenges it between requests. Below
 * it the next request's allocations fit without a collection (a request allocates well under half of it),
 * so collecting then would cost CPU and save nothing.
 */
export const SCAVENGE_ABOVE = 0.25;

let collect: CollectGarbage | undefined;

/**
 * Lets this process scavenge its young generation while idle (scavengeWhileIdle). Recording and
 * exporting spans allocates; without this, the scavenge that garbage calls for comes at V8's choosing,
 * often inside the next request, where it adds a millisecond or more to the fork→join path.
 * `--expose-gc` set now exposes `gc` to contexts created afterwards only, so the main context's globals
 * stay as they were.
 */
export function enableIdleScavenge(): void {
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as CollectGarbage;
}

/** Stops idle scavenges (at shutdown, and between tests). */
export function disableIdleScavenge(): void {
  collect = undefined;
}

/** Scavenges when enabled and the young generation is past SCAVENGE_ABOVE; returns whether it did. */
export function scavengeWhileIdle(young?: YoungGeneration): boolean {
  if (collect === undefined) return false;
  const { used, size } = young ?? youngGeneration();
  if (size === 0 || used / size <= SCAVENGE_ABOVE) return false;
  collect({ type: 'minor' });
  return true;
}

/** The young generation's current use, from V8's heap space statistics. */
export function youngGeneration(): YoungGeneration {
  const space = getHeapSpaceStatistics().find((stats) => stats.space_name === 'new_space');
  return { used: space?.space_used_size ?? 0, size: space?.space_size ?? 0 };
}
