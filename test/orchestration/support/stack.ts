// A local distributed stack for system tests: N simulated machines (engine-sim + worker with reason,thread)
// plus one join worker, all real processes built from dist, on the harness's Redis under a private prefix.
import { resolve } from 'node:path';
import { allLanes, lanePrefix } from '@threadloom/contracts';
import { findFreePort, spawnNodeProcess, type SupervisedProcess } from '@threadloom/devstack';
import { RedisReasoningClient } from '@threadloom/queue';
import { Redis } from 'ioredis';
import { ROOT } from '../../support/corpus.js';

const SIM_MAIN = resolve(ROOT, 'apps/engine-sim/dist/main.js');
const WORKER_MAIN = resolve(ROOT, 'apps/worker/dist/main.js');

export interface StackOptions {
  readonly redisUrl: string;
  /** Unique per test file: a private lane of queues and keys. */
  readonly keyPrefix: string;
  readonly machines: number;
  readonly timeScale?: number;
  /** `--fault-rate` of every simulator. */
  readonly faultRate?: string;
  readonly corpus?: string;
  /** `--max-running` of every simulator (sequences per step). */
  readonly maxRunning?: number;
  /** `--max-model-len` of every simulator (the served context, in tokens). */
  readonly maxModelLen?: number;
  /** One shared engine (e.g. the scripted one) instead of a simulator per machine. */
  readonly engineUrl?: string;
  /** Extra worker environment (all workers). */
  readonly workerEnv?: Readonly<Record<string, string>>;
  /** Every worker serves /metrics on a free port of its own (its ready line ends `metrics=<port>`). */
  readonly metrics?: boolean;
}

interface Machine {
  readonly id: string;
  readonly sim: SupervisedProcess | undefined;
  readonly simUrl: string;
  worker: SupervisedProcess;
}

export interface Stack {
  readonly client: RedisReasoningClient;
  readonly machines: Machine[];
  readonly join: SupervisedProcess;
  /** Starts a fresh worker process for machine `index` (after a kill or stop). */
  restartWorker(index: number): Promise<SupervisedProcess>;
  readonly options: StackOptions;
  /** A plain Redis connection for inspection. */
  readonly redis: Redis;
  stop(): Promise<void>;
}

/** Fast timings so stalled recovery and retries happen within a test. */
const FAST_WORKER_ENV: Readonly<Record<string, string>> = {
  LOCK_DURATION_MS: '1500',
  STALLED_INTERVAL_MS: '750',
  RETRY_BACKOFF_MS: '40',
  REASON_ATTEMPTS: '6',
  THREAD_ATTEMPTS: '6',
  JOIN_ATTEMPTS: '6',
  SHUTDOWN_GRACE_MS: '3000',
  ENGINE_TIMEOUT_MS: '20000',
  MODEL_NAME: 'threadweaver-sim',
  RETENTION_SECONDS: '600',
  REASON_CONCURRENCY: '8',
  THREAD_CONCURRENCY: '4',
  JOIN_CONCURRENCY: '8',
  // Many workers share one host in tests: no /metrics unless a test asks for it.
  METRICS_PORT: '0',
};

export async function startSim(
  options: Pick<StackOptions, 'timeScale' | 'faultRate' | 'corpus' | 'maxRunning' | 'maxModelLen'>,
  env: Readonly<Record<string, string>> = {},
): Promise<{ sim: SupervisedProcess; url: string }> {
  const args = ['--port', '0', '--time-scale', String(options.timeScale ?? 0)];
  if (options.faultRate !== undefined) args.push('--fault-rate', options.faultRate);
  if (options.corpus !== undefined) args.push('--corpus', options.corpus);
  if (options.maxRunning !== undefined) args.push('--max-running', String(options.maxRunning));
  if (options.maxModelLen !== undefined) args.push('--max-model-len', String(options.maxModelLen));
  const sim = await spawnNodeProcess(SIM_MAIN, { args, env, ready: /^http:\/\// });
  return { sim, url: sim.readyLine.trim() };
}

export async function startWorker(
  options: StackOptions,
  id: string,
  roles: string,
  engineUrl?: string,
): Promise<SupervisedProcess> {
  const env: Record<string, string> = {
    ...FAST_WORKER_ENV,
    ...options.workerEnv,
    REDIS_URL: options.redisUrl,
    KEY_PREFIX: options.keyPrefix,
    MACHINE_ID: id,
    WORKER_ROLES: roles,
  };
  if (engineUrl !== undefined) env['ENGINE_URL'] = engineUrl;
  if (options.metrics === true) env['METRICS_PORT'] = String(await findFreePort());
  return spawnNodeProcess(WORKER_MAIN, { env, ready: /^worker ready / });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const machines: Machine[] = [];
  for (let index = 0; index < options.machines; index += 1) {
    const { sim, url } =
      options.engineUrl === undefined ? await startSim(options) : { sim: undefined, url: options.engineUrl };
    const id = `m${index + 1}`;
    machines.push({ id, sim, simUrl: url, worker: await startWorker(options, id, 'reason,thread', url) });
  }
  const join = await startWorker(options, 'join1', 'join');
  const lanes = Number(options.workerEnv?.['LANES'] ?? '1');
  const client = await new RedisReasoningClient({
    redisUrl: options.redisUrl,
    keyPrefix: options.keyPrefix,
    lanes,
    retry: { attempts: { reason: 6, thread: 6, join: 6 }, backoffMs: 40 },
  }).connect();
  const redis = new Redis(options.redisUrl);
  return {
    client,
    machines,
    join,
    redis,
    options,
    async restartWorker(index) {
      const machine = machines[index]!;
      machine.worker = await startWorker(options, machine.id, 'reason,thread', machine.simUrl);
      return machine.worker;
    },
    async stop() {
      await client.close();
      await Promise.all([...machines.map((m) => m.worker.stop(2_000)), join.stop(2_000)]);
      await Promise.all(machines.map((m) => m.sim?.stop(2_000) ?? Promise.resolve()));
      for (const lane of allLanes(lanes)) {
        const keys = await redis.keys(`${lanePrefix(options.keyPrefix, lane)}*`);
        if (keys.length > 0) await redis.del(...keys);
      }
      redis.disconnect();
    },
  };
}

/** The `/metrics` URL a worker announced in its ready line. */
export function metricsUrl(worker: SupervisedProcess): string {
  const port = /metrics=(\d+)/.exec(worker.readyLine)?.[1];
  if (port === undefined) throw new Error(`worker serves no metrics: ${worker.readyLine}`);
  return `http://127.0.0.1:${port}/metrics`;
}
