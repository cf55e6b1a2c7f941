import { EngineClient, threadingEngine } from '@threadloom/engine-client';
import { renderUserPrompt, runOrchestration, type CompletionRequest, type EngineRequest } from '@threadloom/threading';
import { OrchestrationBenchError } from '../orchestration-bench.error.js';

/** Thread requests end at the thread's closing tag; sequential steps never stop there. */
const THREAD_STOP = '</Thread>';

/**
 * The engine requests of a problem's threads, exactly as the runtime sends them: one in-process run
 * against `engineUrl` that records what it asks. Lets a baseline do a thread's work without the runtime.
 */
export async function probeThreadRequests(engineUrl: string, model: string, problem: string): Promise<EngineRequest[]> {
  const engine = threadingEngine(new EngineClient({ url: engineUrl, model }));
  const seen: EngineRequest[] = [];
  const run = await runOrchestration(renderUserPrompt(problem), {
    complete(request: CompletionRequest) {
      if (request.stop.includes(THREAD_STOP))
        seen.push({ prompt: request.prompt, stop: [...request.stop], maxTokens: request.maxTokens });
      return engine.complete(request);
    },
  });
  if (seen.length === 0)
    throw new OrchestrationBenchError('probe', `no thread requests in a run that ended ${run.termination.reason}`);
  return seen;
}
