import { readFileSync } from 'node:fs';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from '../exit-codes.js';
import { createPlannedBatches } from './create-batches.js';
import { followAll, readBatchResults, type FollowBatchesHooks } from './follow-batches.js';
import { parseInputLines, type MalformedLine, type ParsedInput } from './input-lines.js';
import type { RemoteApi } from './remote-api.js';
import { lockOutput } from './output-lock.js';
import { ResultsFile } from './results-file.js';
import { StateStore } from './state-store.js';
import { planNewBatches } from './submit-plan.js';
import { SubmitProgress } from './submit-progress.js';
import { loadState, statePathFor } from './submit-state.js';
import { formatSubmitSummary, summarizeSubmit } from './submit-summary.js';
import { SubmitUsageError } from './submit-usage.error.js';

/** What `threadloom submit` was asked to do. */
interface SubmitRequest {
  readonly file: string;
  readonly out: string;
  readonly mode?: 'parallel' | 'sequential';
  readonly groundTruth?: string;
  readonly batchSize: number;
  readonly json: boolean;
}

/** A run ready to go: its input, output and saved state. */
interface PreparedRun {
  readonly input: ParsedInput;
  readonly results: ResultsFile;
  readonly store: StateStore;
  readonly resumed: boolean;
}

const out = (text: string): boolean => process.stdout.write(`${text}\n`);
const warn = (text: string): boolean => process.stderr.write(`threadloom submit: ${text}\n`);

/** Submits a JSONL file as batches, follows them to the end and prints the summary; returns the exit code. */
export async function runSubmit(request: SubmitRequest, api: RemoteApi, signal: AbortSignal): Promise<number> {
  const unlock = lockOutput(request.out);
  try {
    return await submitLocked(request, api, signal);
  } finally {
    unlock();
  }
}

async function submitLocked(request: SubmitRequest, api: RemoteApi, signal: AbortSignal): Promise<number> {
  const run = prepare(request, api);
  const unsent = [...run.input.malformed, ...run.store.state.rejected].sort((a, b) => a.lineNumber - b.lineNumber);
  for (const line of unsent) warn(`line ${line.lineNumber}: ${line.reason} — skipped, the rest runs`);
  const graded = request.groundTruth !== undefined || hasTruth(run.input);
  const progress = new SubmitProgress(process.stderr, graded, !request.json);
  if (!request.json) out(describeStart(request, run, api));
  try {
    await execute(run, progress, api, signal);
  } catch (error) {
    if (signal.aborted) return interrupted(request, run);
    throw error;
  } finally {
    progress.stop();
  }
  return finish(request, run);
}

/** Creates the planned batches, writes what has finished, follows the rest. */
async function execute(run: PreparedRun, progress: SubmitProgress, api: RemoteApi, signal: AbortSignal): Promise<void> {
  const { input, results, store } = run;
  const onWait: FollowBatchesHooks['onWait'] = (error, seconds) =>
    progress.note(process.stderr, `threadloom submit: ${error.answer.code} (${error.status}); waiting ${seconds} s`);
  await createPlannedBatches({
    api,
    store,
    linesByDigest: new Map(input.lines.map((line) => [line.digest, line])),
    onWait,
    onRejected: (line) => warn(`line ${line.lineNumber}: ${line.reason} — skipped, the rest runs`),
    signal,
  });
  const lineOf = new Map(input.lines.map((line) => [line.customId, line.lineNumber]));
  const hooks: FollowBatchesHooks = {
    onWait,
    written: (id) => results.has(id),
    onThreads: (delta) => progress.threads(delta),
    onResult: (line) => {
      if (results.append({ ...line, line: lineOf.get(line.custom_id) })) progress.finished(line.correct === true);
    },
  };
  const written = results.lines();
  progress.start(submittedLines(run), written.length, written.filter((line) => line.correct === true).length);
  const pending = [];
  for (const batch of store.state.batches) pending.push(...(await readBatchResults(api, batch.id!, hooks, signal)));
  await followAll(api, pending, hooks, signal);
}

const submittedLines = (run: PreparedRun): number =>
  run.store.state.batches.reduce((sum, batch) => sum + batch.lines.length, 0);

function prepare(request: SubmitRequest, api: RemoteApi): PreparedRun {
  let text: string;
  try {
    text = readFileSync(request.file, 'utf8');
  } catch (error) {
    throw new SubmitUsageError(
      `cannot read ${request.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const input = parseInputLines(text, {
    ...(request.mode !== undefined && { mode: request.mode }),
    ...(request.groundTruth !== undefined && { groundTruthField: request.groundTruth }),
  });
  if (input.lines.length === 0 && input.malformed.length === 0)
    throw new SubmitUsageError(`${request.file} has no lines to submit`);
  const statePath = statePathFor(request.out);
  const loaded = loadState(statePath, {
    apiUrl: api.baseUrl,
    options: { mode: request.mode ?? null, groundTruth: request.groundTruth ?? null },
  });
  if (!loaded.ok) throw new SubmitUsageError(loaded.reason);
  const results = ResultsFile.open(request.out);
  // Without its state file a run cannot tell which of those results are its own: they would be mixed in.
  if (!loaded.resumed && results.lines().length > 0)
    throw new SubmitUsageError(
      `${request.out} already holds ${results.lines().length} results but ${statePath} is missing, so they cannot be resumed; choose another --out or remove it`,
    );
  const store = new StateStore(statePath, loaded.state);
  const rejected = new Set(loaded.state.rejected.map((line) => line.digest));
  const planned = planNewBatches(loaded.state.runId, input.lines, loaded.state.batches, rejected, request.batchSize);
  // Saved before any batch is created: a run killed at any point finds the same keys again.
  store.update((state) => ({ ...state, batches: [...state.batches, ...planned] }));
  return { input, results, store, resumed: loaded.resumed };
}

function describeStart(request: SubmitRequest, run: PreparedRun, api: RemoteApi): string {
  const lines = run.input.lines.length;
  const written = run.results.lines().length;
  const verb = run.resumed ? `resuming (${written} results already in ${request.out})` : 'submitting';
  return `threadloom submit: ${verb}: ${lines} lines of ${request.file} to ${api.baseUrl}; results → ${request.out}`;
}

function interrupted(request: SubmitRequest, run: PreparedRun): number {
  const written = run.results.lines().length;
  warn(
    `interrupted with ${written} of ${submittedLines(run)} results in ${request.out}; run the same command again to resume.`,
  );
  return EXIT_INTERRUPTED;
}

function finish(request: SubmitRequest, run: PreparedRun): number {
  const unsent: MalformedLine[] = [...run.input.malformed, ...run.store.state.rejected];
  const summary = summarizeSubmit(run.results.latestPerLine(), unsent, submittedLines(run));
  const batches = run.store.state.batches.map((batch) => batch.id);
  if (request.json) {
    const { meanTokenSpeedup, wallClockMs, ...counts } = summary;
    const figures = { mean_token_speedup: meanTokenSpeedup, wall_clock_ms: wallClockMs };
    out(JSON.stringify({ out: request.out, batches, ...counts, ...figures, unsent: unsent.map(unsentLine) }));
  } else out(`batches: ${batches.join(', ')}\n${formatSubmitSummary(summary)}`);
  return summary.failed > 0 || summary.unfinished > 0 ? EXIT_FAILED : EXIT_OK;
}

const unsentLine = (line: MalformedLine) => ({ line: line.lineNumber, reason: line.reason });

const hasTruth = (input: ParsedInput): boolean => input.lines.some((line) => 'ground_truth' in line.batchLine);
