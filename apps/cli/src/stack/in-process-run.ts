import { EngineClient, threadingEngine } from '@threadloom/engine-client';
import { computeMetrics, loadQwen3Tokenizer, renderUserPrompt, runOrchestration } from '@threadloom/threading';
import { runMetrics, type RunReport } from './run-report.js';
import { startSimProcess } from './sim-process.js';

/** Where `threadloom run` decodes: a real engine, or a private simulator process. */
interface InProcessRunOptions {
  readonly engineUrl?: string;
  /** That engine's `--api-key`. */
  readonly engineApiKey?: string;
  /** Time scale of the built-in simulator (0 = instant). */
  readonly timeScale: number;
}

/** Runs one problem with the in-process runtime (no Redis) and measures it. */
export async function runInProcess(problem: string, options: InProcessRunOptions): Promise<RunReport> {
  const sim = options.engineUrl === undefined ? await startSimProcess(options.timeScale) : undefined;
  try {
    const engine = threadingEngine(
      new EngineClient({ url: options.engineUrl ?? sim?.url ?? '', apiKey: options.engineApiKey }),
    );
    const started = performance.now();
    const run = await runOrchestration(renderUserPrompt(problem), engine);
    const wallClockMs = performance.now() - started;
    const metrics = computeMetrics(run.text, { tokenizer: await loadQwen3Tokenizer() });
    const { reason, message } = run.termination;
    return {
      text: run.text,
      requests: run.requests,
      metrics: runMetrics(metrics, reason, wallClockMs),
      ...(message === undefined ? {} : { failure: message }),
    };
  } finally {
    await sim?.stop();
  }
}
