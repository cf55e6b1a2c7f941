import type { CompletionRequest, CompletionResult, Engine } from '@threadloom/threading';
import type { EngineClient } from './engine-client.js';
import { REFERENCE_SAMPLING, type Sampling } from './sampling.js';

/** The threading `Engine` (what the in-process runtime calls) over an engine client, sampling explicitly. */
export function threadingEngine(client: EngineClient, sampling: Sampling = REFERENCE_SAMPLING): Engine {
  return {
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      return (await client.complete(request, { signal: request.signal, sampling })).result;
    },
  };
}
