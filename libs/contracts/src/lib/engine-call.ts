// Identity of one engine call of a reasoning request: its place (sequential step, or block + thread), the
// seed it samples with and the request id it carries to the engine (`X-Request-Id`, vLLM's `request_id`).

/** Where a call sits in its request: a sequential step (the orchestrator's iteration) or one thread of a block. */
export type EngineCallPlace =
  | { readonly kind: 'step'; readonly iteration: number }
  | { readonly kind: 'thread'; readonly block: number; readonly thread: string };

/**
 * The sampling seed of one call: FNV-1a (32 bit) of `<seed>:s<iteration>` for a sequential step and
 * `<seed>:b<block>:t<thread>` for a thread. Equal for a retry of the same call (reproducible), different
 * between sibling threads and between steps (independent random streams), in [0, 2^32).
 */
export function engineCallSeed(requestSeed: number, place: EngineCallPlace): number {
  const key = place.kind === 'step' ? `s${place.iteration}` : `b${place.block}:t${place.thread}`;
  let hash = 0x811c9dc5;
  for (const char of `${requestSeed}:${key}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The engine request id of one call, shaped like the reference's (`{rid}:{block}` for sequential calls,
 * `{rid}:{block}_path_{N}` for threads; sequential ones are numbered by iteration here, so two steps
 * between the same blocks stay distinct), with `.retry<k>` on the k-th retry so an engine never sees one
 * id twice.
 */
export function engineCallId(requestId: string, place: EngineCallPlace, attempt = 0): string {
  const base =
    place.kind === 'step' ? `${requestId}:${place.iteration}` : `${requestId}:${place.block}_path_${place.thread}`;
  return attempt > 0 ? `${base}.retry${attempt}` : base;
}
