import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { CountingApi } from './counting-api.js';
import type { RestartableRedis } from './restartable-redis.js';

/** How one outage is run: the signal that ends Redis, how long it stays down, what to probe. */
interface OutagePlan {
  readonly signal: 'SIGTERM' | 'SIGKILL';
  readonly downMs: number;
  /** A request id to read during the outage (GET /v1/reasoning/:id). */
  readonly probeId: string;
  /** The prompt of submissions made while probing (accepted ones join the batch). */
  readonly prompt: string;
  /** Give up waiting for the API to recover after this long (ms). */
  readonly recoverTimeoutMs: number;
  readonly abort: AbortSignal;
}

/** What one outage showed: the API's answers while Redis was down and how soon it served again. */
export interface OutageRecord {
  readonly signal: 'SIGTERM' | 'SIGKILL';
  /** Redis gone to Redis listening again (ms). */
  readonly downMs: number;
  /** Statuses answered by the API while Redis was down, by status (network errors under 0). */
  readonly whileDown: ReadonlyMap<number, number>;
  /** Time each answer while down took (ms). */
  readonly latenciesMs: readonly number[];
  /** Redis listening again to the API serving again (submit 202, read 200, /readyz 200 in one round); undefined if it never did. */
  readonly recoverMs: number | undefined;
  /** Statuses answered between Redis's return and the API's recovery. */
  readonly whileRecovering: ReadonlyMap<number, number>;
  /** Submissions the API accepted during the outage or its recovery (they count in the batch). */
  readonly accepted: readonly string[];
}

/** One probe round: a submission, a read of a known request and the readiness check. */
async function probeRound(probe: CountingApi, plan: OutagePlan, accepted: string[]): Promise<ProbeAnswer[]> {
  const timed = async (call: () => Promise<number>): Promise<ProbeAnswer> => {
    const started = performance.now();
    const status = await call();
    return { status, ms: performance.now() - started };
  };
  return [
    await timed(async () => {
      const { status, id } = await probe.submit({ prompt: plan.prompt });
      if (id !== undefined) accepted.push(id);
      return status;
    }),
    await timed(async () => (await probe.call('GET', `/v1/reasoning/${encodeURIComponent(plan.probeId)}`)).status),
    await timed(async () => (await probe.call('GET', '/readyz')).status),
  ];
}

interface ProbeAnswer {
  readonly status: number;
  readonly ms: number;
}

/** Takes Redis down with the plan's signal, probes the API until `downMs` passed, brings Redis back and times the API's recovery. */
export async function runOutage(redis: RestartableRedis, probe: CountingApi, plan: OutagePlan): Promise<OutageRecord> {
  const accepted: string[] = [];
  const whileDown = new Map<number, number>();
  const latenciesMs: number[] = [];
  await redis.down(plan.signal);
  const wentDown = performance.now();
  while (performance.now() - wentDown < plan.downMs && !plan.abort.aborted) {
    for (const answer of await probeRound(probe, plan, accepted)) {
      tally(whileDown, answer.status);
      latenciesMs.push(answer.ms);
    }
    await sleep(100);
  }
  await redis.up();
  const back = performance.now();
  const whileRecovering = new Map<number, number>();
  let recoverMs: number | undefined;
  while (recoverMs === undefined && performance.now() - back < plan.recoverTimeoutMs && !plan.abort.aborted) {
    const answers = await probeRound(probe, plan, accepted);
    if (answers.map((answer) => answer.status).join() === '202,200,200') recoverMs = performance.now() - back;
    else for (const answer of answers) tally(whileRecovering, answer.status);
    if (recoverMs === undefined) await sleep(50);
  }
  return { signal: plan.signal, downMs: back - wentDown, whileDown, latenciesMs, recoverMs, whileRecovering, accepted };
}

function tally(counts: Map<number, number>, status: number): void {
  counts.set(status, (counts.get(status) ?? 0) + 1);
}

/** `503 ×12, 500 ×1` style summary of a status tally. */
export function describeStatuses(counts: ReadonlyMap<number, number>): string {
  if (counts.size === 0) return 'none';
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status === 0 ? 'no answer' : status} ×${count}`)
    .join(', ');
}
