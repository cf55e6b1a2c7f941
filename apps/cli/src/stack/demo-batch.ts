import { extractBoxedAnswer, grade } from '@threadloom/rewards';
import { renderUserPrompt } from '@threadloom/threading';
import type { BatchOutcome } from './batch-summary.js';
import type { CorpusProblem } from './corpus-sample.js';
import type { DriverView, ReasoningDriver } from './reasoning-driver.js';

/** How a batch is sent and followed. */
interface BatchRun {
  readonly client: ReasoningDriver;
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
          : toOutcome(done, problem);
      run.onOutcome(outcome);
      return outcome;
    }),
  );
}

/** Grades one finished request; its token speedup is the engine-counted one the runtime reported. */
function toOutcome(view: DriverView, problem: CorpusProblem): BatchOutcome {
  if (view.status !== 'completed' || view.result === undefined) {
    return { id: problem.id, status: view.status, correct: undefined, tokenSpeedup: undefined };
  }
  const { text, metrics } = view.result;
  const correct = grade(extractBoxedAnswer(text, { afterThinkOnly: true }), problem.answer).correct;
  return { id: problem.id, status: view.status, correct, tokenSpeedup: metrics.tokenSpeedup };
}
