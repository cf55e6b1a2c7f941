import { EngineClient } from '@threadloom/engine-client';
import type { EngineRequest } from '@threadloom/threading';

/**
 * The work of one thread job without the runtime around it: one streamed `/v1/completions` call
 * through the worker's engine client (same request fields, SDK retries off), read to the end.
 */
export function createBareEngineCall(url: string, model: string): (request: EngineRequest) => Promise<number> {
  const engine = new EngineClient({ url, model, timeoutMs: 60_000 });
  return async (request) => (await engine.complete(request)).result.text.length;
}
