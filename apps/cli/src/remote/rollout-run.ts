import { isTerminalRolloutStatus, type RolloutStatus } from '@threadloom/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { once } from 'node:events';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { jsonLines } from './jsonl-stream.js';
import type { RemoteApi } from './remote-api.js';
import type { RolloutProblemLine } from './rollout-input.js';
import { retryWhileBusy, type BusyListener } from './retry-busy.js';

/** The rollout job as `GET /v1/rollouts/:id` answers. */
export interface RemoteRolloutView {
  readonly id: string;
  readonly status: RolloutStatus;
  readonly k: number;
  readonly group_counts: { readonly total: number; readonly scored: number };
  readonly rollout_counts: Readonly<Record<string, number>>;
  readonly metrics: {
    readonly accuracy: number | null;
    readonly scored: number;
    readonly correct: number;
    readonly mean_reward: number | null;
    readonly mean_acceleration: number | null;
  };
}

/** What to send besides the problems (snake_case, as the API takes it). */
type RolloutSettings = Readonly<Record<string, unknown>>;

/** The export files written for each format. */
export const ROLLOUT_OUTPUTS = ['groups', 'packed', 'expanded'] as const;

const POLL_MS = 500;

/**
 * The `Idempotency-Key` of a job. With a seed the job is fully determined by the input file's text and
 * the settings sent, so the key is their digest: the same command run again (after a lost answer, a
 * crash or a Ctrl-C) gets the same job back. Without one every run is a fresh random sample, so the
 * key is this run's own: it only keeps a creation retried within the run from making a second job.
 */
export function rolloutIdempotencyKey(inputText: string, settings: RolloutSettings): string {
  if (settings['seed'] === undefined) return `rollouts-${randomUUID()}`;
  const digest = createHash('sha256').update(inputText).update('\n').update(JSON.stringify(settings)).digest('hex');
  return `rollouts-${digest}`;
}

/** What `runRollout` needs besides the problems and settings. */
interface RunOptions {
  readonly progress: boolean;
  readonly signal: AbortSignal;
  readonly idempotencyKey: string;
  /** Told before each wait on a 429 or 503. */
  readonly onWait: BusyListener;
}

/**
 * Creates the job (with its idempotency key, so a rerun finds the same job), follows it (a bar of
 * scored groups on a terminal) until every group is scored, waiting out 429 and 503 answers.
 */
export async function runRollout(
  api: RemoteApi,
  problems: readonly RolloutProblemLine[],
  settings: RolloutSettings,
  options: RunOptions,
): Promise<RemoteRolloutView> {
  const { signal, idempotencyKey } = options;
  const body = JSON.stringify({ problems, ...settings });
  const created = await retryWhileBusy(
    () =>
      api.json<RemoteRolloutView>('POST', '/v1/rollouts', { body, contentType: 'application/json', idempotencyKey }),
    options.onWait,
    signal,
  );
  const bar = options.progress && process.stderr.isTTY ? progressBar() : undefined;
  const onWait: BusyListener = (error, seconds) => {
    if (bar !== undefined) process.stderr.write('\r\x1b[2K');
    options.onWait(error, seconds);
    bar?.render();
  };
  bar?.start(created.group_counts.total, created.group_counts.scored, { rollouts: finished(created) });
  try {
    return await follow(api, created, (view) => bar?.update(view.group_counts.scored, { rollouts: finished(view) }), {
      onWait,
      signal,
    });
  } finally {
    bar?.stop();
  }
}

/** Polls the job until it is terminal or the signal aborts (the job then keeps running). */
async function follow(
  api: RemoteApi,
  created: RemoteRolloutView,
  onView: (view: RemoteRolloutView) => void,
  hooks: { readonly onWait: BusyListener; readonly signal: AbortSignal },
): Promise<RemoteRolloutView> {
  const { onWait, signal } = hooks;
  const path = `/v1/rollouts/${encodeURIComponent(created.id)}`;
  let view = created;
  while (!isTerminalRolloutStatus(view.status) && !signal.aborted) {
    await sleep(POLL_MS);
    const last = view;
    view = await retryWhileBusy(() => api.json<RemoteRolloutView>('GET', path), onWait, signal).catch(
      (error: unknown) => {
        if (signal.aborted) return last; // interrupted while waiting out a 429
        throw error;
      },
    );
    onView(view);
  }
  return view;
}

function progressBar(): SingleBar {
  return new SingleBar(
    {
      format: '  {bar} {value}/{total} groups scored | {rollouts} rollouts done | {duration_formatted}',
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
}

/** Rollouts in a terminal state. */
const finished = (view: RemoteRolloutView): number =>
  Object.entries(view.rollout_counts)
    .filter(([status]) => !['total', 'queued', 'running'].includes(status))
    .reduce((sum, [, count]) => sum + count, 0);

/** Streams one format of a job's results into `file`; returns the line count. */
export async function downloadRows(
  api: RemoteApi,
  id: string,
  format: string,
  file: string,
  onWait: BusyListener,
): Promise<number> {
  const path = `/v1/rollouts/${encodeURIComponent(id)}/results?format=${format}`;
  const response = await retryWhileBusy(() => api.open('GET', path), onWait);
  const sink = createWriteStream(file);
  let lines = 0;
  if (response.body !== null)
    for await (const line of jsonLines(response.body)) {
      if (!sink.write(`${line}\n`)) await once(sink, 'drain');
      lines += 1;
    }
  sink.end();
  await once(sink, 'finish');
  return lines;
}
