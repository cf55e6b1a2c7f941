import { batchPrompts } from './batch-checks.js';
import { waitForProgress } from './batch-progress.js';
import { batchFigures, settleBatch, withBatchStack, type BatchRun } from './batch-scenario.js';
import type { FaultStack } from './fault-stack.js';
import { describeStatuses, runOutage, type OutageRecord } from './redis-outage.js';
import { PRODUCTION_APPEND_FSYNC, startRestartableRedis, type RestartableRedis } from './restartable-redis.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { submitAll } from './submit-batch.js';

const SEED = 17;
/** Outage i of n starts once i/(n+1) of the batch is terminal: mid-batch, with work queued and running. */
const SIZES = {
  short: { requests: 40, outages: ['SIGKILL'], downMs: 3_000, timeScale: 0.08, budgetMs: 120_000 },
  long: {
    requests: 300,
    outages: ['SIGKILL', 'SIGTERM', 'SIGKILL'],
    downMs: 8_000,
    timeScale: 0.08,
    budgetMs: 420_000,
  },
} as const;

async function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const redis = await startRestartableRedis();
  try {
    return await withBatchStack(
      batchPrompts(size.requests),
      { timeScale: size.timeScale, seed: SEED, redisUrl: redis.url },
      (batch) => restartDuringBatch(batch, redis, context),
    );
  } finally {
    await redis.stop();
  }
}

async function restartDuringBatch(
  run: BatchRun,
  redis: RestartableRedis,
  context: ScenarioContext,
): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const { stack, prompts } = run;
  const sent = await submitAll(stack.api, prompts);
  const { submitted } = sent;
  // Outage probes use their own client: their 503s are the expected answer, counted apart from the batch's.
  const probe = stack.api.apart();
  const outages: OutageRecord[] = [];
  const terminalBefore: number[] = [];
  for (const [index, signal] of size.outages.entries()) {
    const target = Math.ceil((submitted.length * (index + 1)) / (size.outages.length + 1));
    terminalBefore.push(await waitForProgress(stack, submitted, target, context.signal));
    outages.push(
      await runOutage(redis, probe, {
        signal,
        downMs: size.downMs,
        probeId: submitted[0]?.id ?? 'none',
        prompt: prompts[0] ?? '',
        recoverTimeoutMs: 30_000,
        abort: context.signal,
      }),
    );
  }
  const late = outages.flatMap((outage) => outage.accepted.map((id) => ({ id, prompt: prompts[0] ?? '' })));
  const batch = [...submitted, ...late];
  const views = await stack.api.awaitTerminal(
    batch.map((entry) => entry.id),
    { timeoutMs: size.budgetMs, signal: context.signal },
  );
  return batchFigures(run, sent, await settleBatch(run, batch, views, context.signal), {
    requests: prompts.length + late.length + sent.refused,
    faultsInjected: outages.length,
    recoverMs: maxOf(outages.map((outage) => outage.recoverMs)),
    other5xx: unexpected5xx(outages),
    extra: describeOutages(outages, stack),
    checks: checkOutages(outages, size.outages.length, terminalBefore, submitted.length),
  });
}

function checkOutages(
  outages: readonly OutageRecord[],
  planned: number,
  terminalBefore: readonly number[],
  requests: number,
) {
  const whileDown = merge(outages.map((outage) => outage.whileDown));
  const answered = [...whileDown.values()].reduce((sum, count) => sum + count, 0);
  const only503 = (whileDown.get(503) ?? 0) === answered && answered > 0;
  const recovered = outages.filter((outage) => outage.recoverMs !== undefined).length;
  return [
    check('every outage ran', outages.length === planned, `${outages.length}/${planned}`),
    check(
      'each outage began mid-batch',
      terminalBefore.every((count) => count < requests),
      `terminal before each: ${terminalBefore.join(', ')} of ${requests}`,
    ),
    check('every answer while Redis was down was 503', only503, describeStatuses(whileDown)),
    check(
      'no 5xx but 503 while Redis came back',
      unexpected5xx(outages) === 0,
      describeStatuses(merge(outages.map((o) => o.whileRecovering))),
    ),
    check('the API recovered by itself after each restart', recovered === planned, `${recovered}/${planned}`),
  ];
}

/** 5xx other than 503 in an outage or its recovery (a 503 is the promised answer while Redis is down). */
function unexpected5xx(outages: readonly OutageRecord[]): number {
  let total = 0;
  for (const counts of outages.flatMap((outage) => [outage.whileDown, outage.whileRecovering])) {
    for (const [status, count] of counts) if (status >= 500 && status !== 503) total += count;
  }
  return total;
}

function describeOutages(outages: readonly OutageRecord[], stack: FaultStack) {
  const latencies = outages.flatMap((outage) => outage.latenciesMs).sort((a, b) => a - b);
  const downMs = outages.map((outage) => outage.downMs);
  return {
    signals: outages.map((outage) => outage.signal).join('+'),
    appendfsync: PRODUCTION_APPEND_FSYNC,
    'down for': downMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', '),
    '503 while down': merge(outages.map((outage) => outage.whileDown)).get(503) ?? 0,
    '503 answer p50': `${Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0)} ms`,
    '503 answer max': `${Math.round(latencies.at(-1) ?? 0)} ms`,
    'worker restarts': stack.workers.reduce((sum, worker) => sum + worker.restarts(), 0),
  };
}

/** Polls until `target` of the batch is terminal (or the abort); the terminal count seen last. */
function merge(maps: readonly ReadonlyMap<number, number>[]): Map<number, number> {
  const merged = new Map<number, number>();
  for (const map of maps) for (const [status, count] of map) merged.set(status, (merged.get(status) ?? 0) + count);
  return merged;
}

function maxOf(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}

/** Scenario 2: Redis (AOF on, fsync as production) killed and restarted on its port and data mid-batch. */
export const REDIS_RESTART: ReliabilityScenario = {
  id: 2,
  name: 'redis-restart',
  title: 'Redis with AOF stopped mid-batch and restarted on the same port and data; 503 while down, then recovery',
  forms: ['short', 'long'],
  budgetMs: (form) => SIZES[form].budgetMs,
  run,
};
