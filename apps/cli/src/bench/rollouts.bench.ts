import { isTerminalRolloutStatus } from '@threadloom/contracts';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { jsonLines } from '../remote/jsonl-stream.js';
import { RemoteApi } from '../remote/remote-api.js';
import type { RemoteRolloutView } from '../remote/rollout-run.js';
import { INTERNAL_API_ENV } from '../stack/api-stack.js';
import { readCorpusProblems } from '../stack/corpus-sample.js';
import { startLocalStack } from '../stack/local-stack.js';
import type { BenchOptions, BenchOutput, BenchSuite } from './bench-suite.js';

/** The group size. */
const K = 8;
const MACHINES = 2;
const TIME_SCALE = 0.02;

interface PackedLine {
  readonly group_id: string;
  readonly input_ids: readonly number[];
  readonly loss_mask: readonly number[];
}

async function waitDone(api: RemoteApi, id: string): Promise<RemoteRolloutView> {
  for (;;) {
    const view = await api.json<RemoteRolloutView>('GET', `/v1/rollouts/${id}`);
    if (isTerminalRolloutStatus(view.status)) return view;
    await sleep(100);
  }
}

async function packedRows(api: RemoteApi, id: string): Promise<PackedLine[]> {
  const response = await api.open('GET', `/v1/rollouts/${id}/results?format=packed`);
  const rows: PackedLine[] = [];
  if (response.body === null) return rows;
  for await (const line of jsonLines(response.body)) rows.push(JSON.parse(line) as PackedLine);
  return rows;
}

/** One rollout job of `problems × K` on a fresh stack: wall time from create to the last group scored. */
async function runRolloutBench(output: BenchOutput, options?: BenchOptions): Promise<void> {
  const distinctProblems = [...new Map(readCorpusProblems().map((entry) => [entry.problem, entry])).values()];
  const problems = distinctProblems
    .slice(0, options?.quick === true ? 2 : 4)
    .map((entry) => ({ custom_id: entry.id, problem: entry.problem, ground_truth: entry.answer }));
  const apiKey = `tl-${randomBytes(18).toString('base64url')}`;
  const stack = await startLocalStack({
    machines: MACHINES,
    timeScale: TIME_SCALE,
    seed: 7,
    apiPort: 0,
    apiKey,
    apiEnv: INTERNAL_API_ENV,
  });
  try {
    const api = new RemoteApi(stack.apiUrl ?? '', apiKey);
    const body = JSON.stringify({ problems, k: K, temperature: 1.0, seed: 1 });
    const started = performance.now();
    const created = await api.json<RemoteRolloutView>('POST', '/v1/rollouts', {
      body,
      contentType: 'application/json',
    });
    const view = await waitDone(api, created.id);
    const seconds = (performance.now() - started) / 1000;
    const rows = await packedRows(api, created.id);
    report(output, { problems: problems.length, seconds, view, rows });
  } finally {
    await stack.stop();
  }
}

interface RolloutRun {
  readonly problems: number;
  readonly seconds: number;
  readonly view: RemoteRolloutView;
  readonly rows: readonly PackedLine[];
}

function report(output: BenchOutput, { problems, seconds, view, rows }: RolloutRun): void {
  const rollouts = problems * K;
  const groups = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = groups.get(row.group_id) ?? new Set<string>();
    set.add(JSON.stringify(row.input_ids));
    groups.set(row.group_id, set);
  }
  const distinct = [...groups.values()].map((set) => set.size);
  const nodes = rows.reduce((sum, row) => sum + row.input_ids.length, 0);
  const trained = rows.reduce((sum, row) => sum + row.loss_mask.reduce((a, b) => a + b, 0), 0);
  output.line(
    `rollouts: ${problems} problems × k=${K} on ${MACHINES} simulated machines (time scale ${TIME_SCALE}), one job`,
  );
  output.line(
    `  status ${view.status}: ${view.group_counts.scored}/${view.group_counts.total} groups scored, ` +
      `${view.rollout_counts['completed'] ?? 0}/${rollouts} rollouts completed, accuracy ${view.metrics.accuracy ?? 'n/a'}`,
  );
  output.line(`  wall time create → last group scored: ${seconds.toFixed(1)} s`);
  output.line(
    `  throughput: ${(problems / seconds).toFixed(3)} groups/s, ${(rollouts / seconds).toFixed(2)} rollouts/s`,
  );
  output.line(`  distinct trajectories per group (of ${K}): ${distinct.join(', ')}`);
  output.line(
    `  packed rows: ${rows.length}, ${nodes} nodes, ${trained} trained (${((100 * trained) / nodes).toFixed(1)}%)`,
  );
}

/** RL rollout groups through the queue: groups/s and rollouts/s of one job on the simulator. */
export const ROLLOUTS_BENCH: BenchSuite = {
  name: 'rollouts',
  description: 'one rollout job (4 problems × k=8) on 2 simulated machines: groups/s, rollouts/s, seeded variety',
  run: (output, options) => runRolloutBench(output, options),
};
