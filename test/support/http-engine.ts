// The reference engine for the in-process runtime: the shared engine client against a simulator or the scripted engine.
import { EngineClient, threadingEngine } from '@threadloom/engine-client';
import type { CompletionRequest, CompletionResult, Engine } from '@threadloom/threading';

/** An Engine over HTTP through the worker's own client (same vLLM request fields), counting its calls. */
export function httpEngine(url: string, model = 'threadweaver-sim'): Engine & { calls: number } {
  const inner = threadingEngine(new EngineClient({ url, model }));
  const engine = {
    calls: 0,
    complete(request: CompletionRequest): Promise<CompletionResult> {
      engine.calls += 1;
      return inner.complete(request);
    },
  };
  return engine;
}
