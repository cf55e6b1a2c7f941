import { existsSync } from 'node:fs';
import { EngineClient } from '@threadloom/engine-client';
import {
  findFreePort,
  startManagedProcess,
  startRedisServer,
  type ManagedProcess,
  type ProcessHooks,
  type ProcessSpec,
  type RunningRedis,
} from '@threadloom/devstack';
import { EntryPointMissingError } from './entry-point-missing.error.js';
import { apiIsBuilt, resolveEntryPoints, type EntryPoints } from './entry-points.js';
import { planStack, type StackOptions, type StackPlan } from './stack-plan.js';

/** A running local stack; `stop()` ends every process it started, newest first. */
export interface LocalStack {
  readonly redisUrl: string;
  /** True when this stack started (and will stop) its own Redis. */
  readonly ownsRedis: boolean;
  readonly machines: StackPlan['machines'];
  readonly apiUrl: string | undefined;
  /** Each worker's Prometheus endpoint. */
  readonly metrics: StackPlan['metrics'];
  readonly processes: readonly ManagedProcess[];
  /** Resolves when the stack's own Redis exits unexpectedly; never resolves otherwise. */
  readonly redisLost: Promise<void>;
  stop(): Promise<void>;
}

/** Starts Redis (unless given), the engines, the workers and (when built and asked for) the API. */
export async function startLocalStack(
  options: StackOptions,
  hooks: ProcessHooks = {},
  entries: EntryPoints = resolveEntryPoints(),
): Promise<LocalStack> {
  requireBuilt(options, entries);
  const started: ManagedProcess[] = [];
  let redis: RunningRedis | undefined;
  const stopAll = async (): Promise<void> => {
    await stopInOrder(started);
    await redis?.stop();
  };
  try {
    if (options.redisUrl === undefined) redis = await startRedisServer();
    const redisUrl = options.redisUrl ?? redis?.url ?? '';
    const model =
      options.model ??
      (options.engineUrl === undefined ? undefined : await new EngineClient({ url: options.engineUrl }).servedModel());
    const planned = { ...options, ...(model === undefined ? {} : { model }) };
    const plan = planStack(planned, await allocate(planned, redisUrl, entries), entries);
    // Ports are fixed up front and nothing connects to an engine at boot, so everything starts at once.
    await startPhase([...plan.engines, ...plan.workers, ...(plan.api === undefined ? [] : [plan.api])], started, hooks);
    const apiPort = plan.api?.env['PORT'];
    return {
      redisUrl,
      ownsRedis: redis !== undefined,
      machines: plan.machines,
      processes: started,
      apiUrl: apiPort === undefined ? undefined : `http://127.0.0.1:${apiPort}`,
      metrics: plan.metrics,
      redisLost: redisLost(redis),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function requireBuilt(options: StackOptions, entries: EntryPoints): void {
  const needed: [string, string][] = [['worker', entries.worker]];
  if (options.engineUrl === undefined) needed.push(['engine-sim', entries.engineSim]);
  for (const [app, path] of needed) if (!existsSync(path)) throw new EntryPointMissingError(app, path);
}

async function allocate(options: StackOptions, redisUrl: string, entries: EntryPoints) {
  const simPorts: number[] = [];
  if (options.engineUrl === undefined) {
    for (let index = 0; index < options.machines; index += 1) simPorts.push(await findFreePort());
  }
  const wantsApi = options.apiPort !== undefined && apiIsBuilt(entries);
  const apiPort = !wantsApi ? undefined : options.apiPort === 0 ? await findFreePort() : options.apiPort;
  const metricsPorts: number[] = [];
  for (let index = 0; index <= options.machines; index += 1) metricsPorts.push(await findFreePort());
  return { redisUrl, simPorts, apiPort, metricsPorts };
}

async function startPhase(
  specs: readonly ProcessSpec[],
  started: ManagedProcess[],
  hooks: ProcessHooks,
): Promise<void> {
  // Own process groups: a terminal Ctrl-C reaches only the CLI, which then stops children in order.
  const results = await Promise.allSettled(
    specs.map((spec) => startManagedProcess({ ...spec, detached: true }, hooks)),
  );
  for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}

/** API first, then workers (they drain in-flight jobs), then engines. */
async function stopInOrder(processes: ManagedProcess[]): Promise<void> {
  const order = (name: string): number => (name === 'api' ? 0 : name.startsWith('worker') ? 1 : 2);
  for (const rank of [0, 1, 2]) {
    await Promise.all(processes.filter((child) => order(child.name) === rank).map((child) => child.stop()));
  }
  processes.length = 0;
}

function redisLost(redis: RunningRedis | undefined): Promise<void> {
  if (redis === undefined) return new Promise(() => undefined);
  const child = redis.process;
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
  });
}
