import { extractBoxedAnswer, grade } from '@threadloom/rewards';
import { computeMetrics, renderUserPrompt, type Tokenizer } from '@threadloom/threading';
import type { BatchOutcome } from './batch-summary.js';
import type { CorpusProblem } from './corpus-sample.js';
import type { DriverView, ReasoningDriver } from './reasoning-driver.js';

/** How a batch is sent and followed. */
export interface BatchRun {
  readonly client: ReasoningDriver;
  readonly tokenizer: Tokenizer;
  /** Called once per finished request, in completion order. */
  readonly onOutcome: (outcome: BatchOutcome) => void;
  readonly timeoutMs: number;
}

/** Submits every problem at once, then waits for each result and grades it. */
export async function runBatch(problems: readonly CorpusProblem[], run: BatchRun): Promise<BatchOutcome[]> {
  const submitted = await Promise.all(
    problems.map((problem) =>
      run.client.submit({
        prompt: renderUserPrompt(problem.problem),
        metadata: { problem_id: problem.id },
      }),
    ),
  );
  return Promise.all(
    submitted.map(async (view, index) => {
      const problem = problems[index]!;
      const done = await run.client.waitForResult(view.id, run.timeoutMs).catch(() => undefined);
      const outcome =
        done === undefined
          ? { id: problem.id, status: 'timed-out', correct: undefined, tokenSpeedup: undefined }
          : toOutcome(done, problem, run.tokenizer);
      run.onOutcome(outcome);
      return outcome;
    }),
  );
}

function toOutcome(view: DriverView, problem: CorpusProblem, tokenizer: Tokenizer): BatchOutcome {
  if (view.status !== 'completed' || view.result === undefined) {
    return { id: problem.id, status: view.status, correct: undefined, tokenSpeedup: undefined };
  }
  const { text } = view.result;
  const metrics = computeMetrics(text, { tokenizer });
  const speedup = metrics.criticalPathTokens > 0 ? metrics.totalTokens / metrics.criticalPathTokens : 1;
  const correct = grade(extractBoxedAnswer(text, { afterThinkOnly: true }), problem.answer).correct;
  return { id: problem.id, status: view.status, correct, tokenSpeedup: speedup };
}
