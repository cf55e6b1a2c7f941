// A stack of worker processes sharing one scripted engine, plus the reference run on the same engine.
import { renderUserPrompt, runOrchestration, type RunOrchestrationOptions } from '@threadloom/threading';
import { httpEngine } from '../../support/http-engine.js';
import { scenario } from './scenarios.js';
import { startScriptedEngine, type ScriptedEngine } from './scripted-engine.js';
import { startStack, type Stack } from './stack.js';

export interface ScriptedStack {
  readonly engine: ScriptedEngine;
  readonly stack: Stack;
  /** The in-process runtime's text for `problem` with `options`. */
  reference(problem: string, options?: RunOrchestrationOptions): Promise<string>;
  stop(): Promise<void>;
}

export async function startScriptedStack(
  redisUrl: string,
  keyPrefix: string,
  machines = 2,
  workerEnv: Record<string, string> = {},
): Promise<ScriptedStack> {
  const engine = await startScriptedEngine(scenario);
  const stack = await startStack({
    redisUrl,
    keyPrefix,
    machines,
    engineUrl: engine.url,
    workerEnv: { MODEL_NAME: 'scripted', ...workerEnv },
  });
  return {
    engine,
    stack,
    reference: async (problem, options = {}) =>
      (await runOrchestration(renderUserPrompt(problem), httpEngine(engine.url, 'scripted'), options)).text,
    stop: async () => {
      await stack.stop();
      await engine.close();
    },
  };
}
