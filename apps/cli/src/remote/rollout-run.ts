import { isTerminalRolloutStatus, type RolloutStatus } from '@threadloom/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { jsonLines } from './jsonl-stream.js';
import type { RemoteApi } from './remote-api.js';
import type { RolloutProblemLine } from './rollout-input.js';

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

/** Creates the job, follows it (a bar of scored groups on a terminal) until every group is scored. */
export async function runRollout(
  api: RemoteApi,
  problems: readonly RolloutProblemLine[],
  settings: RolloutSettings,
  options: { readonly progress: boolean; readonly signal: AbortSignal },
): Promise<RemoteRolloutView> {
  const body = JSON.stringify({ problems, ...settings });
  let view = await api.json<RemoteRolloutView>('POST', '/v1/rollouts', { body, contentType: 'application/json' });
  const bar =
    options.progress && process.stderr.isTTY
      ? new SingleBar(
          {
            format: '  {bar} {value}/{total} groups scored | {rollouts} rollouts done | {duration_formatted}',
            stream: process.stderr,
          },
          Presets.shades_classic,
        )
      : undefined;
  const finished = (v: RemoteRolloutView) =>
    Object.entries(v.rollout_counts)
      .filter(([status]) => !['total', 'queued', 'running'].includes(status))
      .reduce((sum, [, count]) => sum + count, 0);
  bar?.start(view.group_counts.total, view.group_counts.scored, { rollouts: finished(view) });
  try {
    while (!isTerminalRolloutStatus(view.status) && !options.signal.aborted) {
      await sleep(POLL_MS);
      view = await api.json<RemoteRolloutView>('GET', `/v1/rollouts/${view.id}`);
      bar?.update(view.group_counts.scored, { rollouts: finished(view) });
    }
  } finally {
    bar?.stop();
  }
  return view;
}

/** Streams one format of a job's results into `file`; returns the line count. */
export async function downloadRows(api: RemoteApi, id: string, format: string, file: string): Promise<number> {
  const response = await api.open('GET', `/v1/rollouts/${id}/results?format=${format}`);
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
