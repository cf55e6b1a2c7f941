import { isTerminalStatus, type RequestView } from '@threadloom/contracts';
import { EngineClient, threadingEngine } from '@threadloom/engine-client';
import { renderUserPrompt, runOrchestration } from '@threadloom/threading';
import { readCorpusProblems, sampleProblems } from '../../stack/corpus-sample.js';
import { startSimProcess } from '../../stack/sim-process.js';
import { check, type ScenarioCheck } from './scenario.js';
import { describeTextDiff, formatTextDiff, type TextDiff } from './trajectory-diff.js';

/** `count` prompts cycling through the shipped corpus (rendered as the workers expect). */
export function batchPrompts(count: number): string[] {
  const problems = sampleProblems(readCorpusProblems(), 64);
  return Array.from({ length: count }, (_, index) => renderUserPrompt(problems[index % problems.length]!.problem));
}

/** The fault-free trajectory of each distinct prompt: the in-process runtime on a private instant simulator. */
export async function referenceTexts(
  prompts: readonly string[],
  seed: number,
  corpus?: string,
): Promise<Map<string, string>> {
  const sim = await startSimProcess(0, seed, corpus);
  try {
    const engine = threadingEngine(new EngineClient({ url: sim.url }));
    const texts = new Map<string, string>();
    for (const prompt of new Set(prompts)) texts.set(prompt, (await runOrchestration(prompt, engine)).text);
    return texts;
  } finally {
    await sim.stop();
  }
}

/** A batch's end state: how many requests are not terminal, not completed, differ from the reference, or list a thread twice. */
export interface BatchTally {
  readonly terminal: number;
  readonly completed: number;
  readonly lost: number;
  readonly mismatched: number;
  /** Each completed request whose text differs from its reference, and where it first departs. */
  readonly mismatches: readonly TrajectoryMismatch[];
  readonly duplicatedThreads: number;
  readonly failures: readonly string[];
}

/** A completed request whose final text is not the fault-free one. */
export interface TrajectoryMismatch {
  readonly id: string;
  readonly diff: TextDiff;
}

/** Tallies the views of a batch against the reference texts of its prompts. */
export function tallyBatch(
  submitted: readonly { readonly id: string; readonly prompt: string }[],
  views: ReadonlyMap<string, RequestView | undefined>,
  reference: ReadonlyMap<string, string> | undefined,
): BatchTally {
  let terminal = 0,
    completed = 0,
    duplicatedThreads = 0;
  const failures: string[] = [];
  const mismatches: TrajectoryMismatch[] = [];
  for (const { id, prompt } of submitted) {
    const view = views.get(id);
    if (view === undefined || !isTerminalStatus(view.status)) continue;
    terminal += 1;
    if (view.status !== 'completed') failures.push(`${id} ${view.status}: ${view.error ?? ''}`.trim());
    else completed += 1;
    const expected = reference?.get(prompt);
    if (view.status === 'completed' && reference !== undefined) {
      const diff = describeTextDiff(expected ?? '', view.result?.text ?? '');
      if (diff !== undefined || expected === undefined) mismatches.push({ id, diff: diff ?? missingReference() });
    }
    for (const block of view.result?.blocks ?? []) {
      const numbers = block.threads.map((thread) => thread.number);
      duplicatedThreads += numbers.length - new Set(numbers).size;
    }
  }
  const lost = submitted.length - terminal;
  return { terminal, completed, lost, mismatched: mismatches.length, mismatches, duplicatedThreads, failures };
}

/** A prompt without a reference text counts as a mismatch at offset 0 (never silently as identical). */
function missingReference(): TextDiff {
  return { offset: 0, referenceLength: 0, gotLength: 0, reference: '(no reference)', got: '' };
}

/** `2 differ (first: <id> at char …)`, the detail of the identity check. */
export function describeMismatches(tally: Pick<BatchTally, 'mismatches'>): string {
  const [first] = tally.mismatches;
  if (first === undefined) return '0 differ';
  const ids = tally.mismatches.map((mismatch) => mismatch.id).join(', ');
  return `${tally.mismatches.length} differ (${ids}; first: ${first.id} ${formatTextDiff(first.diff)})`;
}

/** The usual checks on a tally: all terminal, all completed, identical to the fault-free run. */
export function batchChecks(
  tally: BatchTally,
  requests: number,
  mismatchReport: readonly string[] = [],
): ScenarioCheck[] {
  const firstFailure = tally.failures[0] === undefined ? '' : ` (first: ${tally.failures[0]})`;
  return [
    check('every request terminal', tally.lost === 0, `${tally.terminal}/${requests}`),
    check('every request completed', tally.completed === requests, `${tally.completed}/${requests}${firstFailure}`),
    check(
      'trajectories identical to a fault-free run',
      tally.mismatched === 0,
      [describeMismatches(tally), ...mismatchReport].join('\n    '),
    ),
    check('no thread counted twice', tally.duplicatedThreads === 0, `${tally.duplicatedThreads} duplicates`),
  ];
}
