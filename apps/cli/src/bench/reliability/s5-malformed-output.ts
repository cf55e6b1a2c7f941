import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_ORCHESTRATOR_OPTIONS, renderUserPrompt } from '@threadloom/threading';
import { readCorpusProblems } from '../../stack/corpus-sample.js';
import { describeMismatches, tallyBatch } from './batch-checks.js';
import { acceptedCheck, drainedCheck, withBatchStack, type BatchRun } from './batch-scenario.js';
import { MALFORMED_KINDS, malformedCorpus } from './malformed-corpus.js';
import { describeCounts, outcomeChecks, tallyOutcomes } from './request-outcomes.js';
import { formatMs } from './run-scenario.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { seededRandom } from './seeded-random.js';
import { submitAll, waitUntilDrained } from './submit-batch.js';

const SEED = 5;
const SIZES = {
  short: { requests: 36, timeScale: 0.02, budgetMs: 180_000 },
  long: { requests: 600, timeScale: 0.02, budgetMs: 600_000 },
} as const;

/** Writes the malformed corpus (one problem per request) as JSONL; its path and the rendered prompts. */
function writeCorpus(dir: string, count: number): { path: string; prompts: string[] } {
  const bases = readCorpusProblems()
    .map((entry) => entry.trajectory)
    .filter((text) => text.includes('<Parallel>'));
  const entries = malformedCorpus(count, bases, seededRandom(SEED));
  const path = join(dir, 'malformed.jsonl');
  writeFileSync(path, entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  return { path, prompts: entries.map((entry) => renderUserPrompt(entry.problem)) };
}

async function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-malformed-'));
  const exits: string[] = [];
  try {
    const { path, prompts } = writeCorpus(dir, size.requests);
    return await withBatchStack(
      prompts,
      { timeScale: size.timeScale, seed: SEED, corpus: path },
      (batch) => malformedBatch(batch, exits, context),
      { onRestarting: (name, exit) => exits.push(`${name} (${exit.signal ?? `code ${String(exit.code)}`})`) },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function malformedBatch(
  run: BatchRun,
  exits: readonly string[],
  context: ScenarioContext,
): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const { stack, prompts } = run;
  const pids = stack.stack.children.map((child) => child.current()?.child.pid);
  const sent = await submitAll(stack.api, prompts);
  const { submitted } = sent;
  const views = await stack.api.awaitTerminal(
    submitted.map((entry) => entry.id),
    { timeoutMs: size.budgetMs, signal: context.signal },
  );
  const batchMs = performance.now() - run.started;
  const tally = tallyBatch(submitted, views, run.reference);
  const requests = submitted.map(({ id }) => ({ id, deadlineMs: Number.POSITIVE_INFINITY }));
  const outcomes = tallyOutcomes(requests, views, { slackMs: 0, now: Date.now(), expected: () => true });
  const cap = DEFAULT_ORCHESTRATOR_OPTIONS.maxIterations;
  const results = [...views.values()].flatMap((view) => (view?.result === undefined ? [] : [view.result]));
  const overCap = results.filter((result) => result.metrics.iterations > cap).length;
  const samePids = stack.stack.children.every((child, index) => child.current()?.child.pid === pids[index]);
  const leftover = await waitUntilDrained(stack, context.signal);
  return {
    requests: prompts.length,
    faultsInjected: prompts.length,
    lost: tally.lost,
    duplicated: tally.duplicatedThreads,
    http5xx: stack.api.serverErrors(),
    recoverMs: undefined,
    extra: {
      kinds: MALFORMED_KINDS.join(' '),
      completed: tally.completed,
      'not completed': describeCounts(outcomes.byCode),
      terminations: describeCounts(countBy(results.map((result) => result.termination))),
      'max iterations': Math.max(0, ...results.map((result) => result.metrics.iterations)),
      'widest block': Math.max(0, ...results.flatMap((result) => result.blocks.map((block) => block.threads.length))),
      'batch wall': formatMs(batchMs),
    },
    checks: [
      acceptedCheck(sent),
      check(
        'zero crashes (no process exited or restarted)',
        exits.length === 0 && samePids,
        exits.length === 0 ? 'none' : exits.join(', '),
      ),
      check('every request terminal', tally.lost === 0, `${tally.terminal}/${prompts.length}`),
      check(`every request within the iteration cap (${cap})`, overCap === 0, `${overCap} over`),
      check('identical to the in-process runtime', tally.mismatched === 0, describeMismatches(tally)),
      check('no thread counted twice', tally.duplicatedThreads === 0, `${tally.duplicatedThreads} duplicates`),
      ...outcomeChecks(outcomes, 0).slice(0, 1),
      drainedCheck(leftover),
    ],
  };
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Scenario 5: malformed model output at scale — fuzzed tags, truncations, 200-outline plans, nested blocks. */
export const MALFORMED_OUTPUT: ReliabilityScenario = {
  id: 5,
  name: 'malformed-output',
  title:
    'malformed model output at scale (fuzzed tags, truncations, 200 outlines, nested blocks); no crash, all terminal',
  forms: ['short', 'long'],
  budgetMs: (form) => SIZES[form].budgetMs,
  run,
};
