/**
 * Lanes: the runtime's keys are split into `count` lanes, each under its own key prefix with its own
 * Redis Cluster hash tag, so every Lua script and MULTI touches one slot while different lanes can
 * live on different cluster nodes. Lane 0 is the configured prefix itself (with one lane the layout
 * is exactly the single-prefix one); lane k > 0 inserts `-k` into the hash tag: `{threadloom}` →
 * `{threadloom-2}`. A request's lane is part of its id, so anyone holding the id finds its keys.
 */

/** Lane of every request when there is one lane, and of ids minted before lanes existed. */
export const DEFAULT_LANE = 0;

/** Largest lane count accepted (lane numbers must stay short inside ids and prefixes). */
export const MAX_LANES = 1024;

const LANE_ID = /^l(\d{1,4})-/;

/** The key prefix of `lane` (the one function that places keys and queues in a lane). */
export function lanePrefix(keyPrefix: string, lane: number): string {
  if (lane === DEFAULT_LANE) return keyPrefix;
  const tag = hashTagBounds(keyPrefix);
  if (tag === undefined) return `${keyPrefix}-${lane}`;
  return `${keyPrefix.slice(0, tag.close)}-${lane}${keyPrefix.slice(tag.close)}`;
}

/** True when `keyPrefix` holds a Redis Cluster hash tag (`{…}` with something inside), as lanes > 1 need. */
export function hasHashTag(keyPrefix: string): boolean {
  return hashTagBounds(keyPrefix) !== undefined;
}

/** Redis Cluster rule: the first `{` and the first `}` after it, with at least one character between. */
function hashTagBounds(key: string): { open: number; close: number } | undefined {
  const open = key.indexOf('{');
  if (open < 0) return undefined;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? { open, close } : undefined;
}

/** The lane a request id names: `l<k>-…` is lane k, any other id (a plain UUID) is lane 0. */
export function laneOfRequest(requestId: string): number {
  const match = LANE_ID.exec(requestId);
  return match === null ? DEFAULT_LANE : Number(match[1]);
}

/** A request id in `lane` from a unique `base` (a UUID): lane 0 keeps the bare UUID, as before lanes. */
export function requestIdInLane(lane: number, base: string): string {
  return lane === DEFAULT_LANE ? base : `l${lane}-${base}`;
}

/** Lane numbers 0..count-1. */
export function allLanes(count: number): number[] {
  return Array.from({ length: count }, (_, lane) => lane);
}

/** A stable lane for a string (FNV-1a): the same idempotency key always lands in the same lane. */
export function laneOfKey(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}
