import type { CompletionRequest, CompletionResult, Engine } from '@threadloom/threading';
import type { EngineClient } from './engine-client.js';

/** The threading `Engine` (what the in-process runtime calls) over an engine client. */
export function threadingEngine(client: EngineClient): Engine {
  return {
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      return (await client.complete(request, { signal: request.signal })).result;
    },
  };
}
