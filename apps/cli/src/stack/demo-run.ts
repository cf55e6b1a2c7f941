import { SingleBar, Presets } from 'cli-progress';
import { formatBatchSummary, summarizeBatch } from './batch-summary.js';
import type { CorpusProblem } from './corpus-sample.js';
import { runBatch } from './demo-batch.js';
import type { ReasoningDriver } from './reasoning-driver.js';

/** Runs the demo batch with a progress bar on stdout; returns the summary table. */
export async function runDemoBatch(client: ReasoningDriver, problems: readonly CorpusProblem[]): Promise<string> {
  const bar = new SingleBar(
    {
      format: '  {bar} {value}/{total} requests | {correct} correct | {duration_formatted}',
      stream: process.stdout,
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  try {
    let correct = 0;
    const started = performance.now();
    bar.start(problems.length, 0, { correct });
    const outcomes = await runBatch(problems, {
      client,
      timeoutMs: 300_000,
      onOutcome: (outcome) => {
        if (outcome.correct === true) correct += 1;
        bar.increment(1, { correct });
      },
    });
    bar.stop();
    return `\n${formatBatchSummary(summarizeBatch(outcomes, performance.now() - started))}`;
  } finally {
    bar.stop();
  }
}
