import { existsSync } from 'node:fs';
import { EngineClient } from '@threadloom/engine-client';
import {
  findFreePort,
  startManagedProcess,
  supervise,
  type ExitInfo,
  type ManagedProcess,
  type ProcessHooks,
  type ProcessSpec,
  type Restartable,
  type SupervisedChild,
  type SupervisorHooks,
} from '@threadloom/devstack';
import { EntryPointMissingError } from './entry-point-missing.error.js';
import { apiIsBuilt, resolveEntryPoints, type EntryPoints } from './entry-points.js';
import { startPrivateRedis, type PrivateRedis } from './private-redis.js';
import { planStack, type StackOptions, type StackPlan } from './stack-plan.js';

/** Hooks of a stack: each child's output and crash, and the supervisor's restarts. */
export type StackHooks = ProcessHooks & SupervisorHooks;

/** A child the supervisor gave up on (crashed more often than the restart policy allows). */
interface LostChild {
  readonly name: string;
  readonly exit: ExitInfo;
}

/** What stopping the stack left behind. */
interface StackStopReport {
  /** The private Redis's data directory, kept because Redis crashed during the run. */
  readonly redisDataKept?: string;
}

/** A running local stack: every child supervised (restarted with backoff after a crash); `stop()` ends them, newest first. */
export interface LocalStack {
  readonly redisUrl: string;
  /** True when this stack started (and will stop) its own Redis. */
  readonly ownsRedis: boolean;
  /** Data directory (AOF) of the private Redis. */
  readonly redisDataDir: string | undefined;
  readonly machines: StackPlan['machines'];
  readonly apiUrl: string | undefined;
  /** Each worker's Prometheus endpoint. */
  readonly metrics: StackPlan['metrics'];
  /** Engines, workers and the API, supervised (the private Redis is `redis`). */
  readonly children: readonly SupervisedChild<ManagedProcess>[];
  readonly redis: SupervisedChild<Restartable> | undefined;
  /** Resolves when the supervisor gives up on any child (Redis included); never resolves otherwise. */
  readonly lost: Promise<LostChild>;
  stop(): Promise<StackStopReport>;
}

/** Starts Redis (unless given), the engines, the workers and (when built and asked for) the API. */
export async function startLocalStack(
  options: StackOptions,
  hooks: StackHooks = {},
  entries: EntryPoints = resolveEntryPoints(),
): Promise<LocalStack> {
  requireBuilt(options, entries);
  const started: SupervisedChild<ManagedProcess>[] = [];
  let redis: PrivateRedis | undefined;
  const stopAll = async (): Promise<StackStopReport> => {
    await stopInOrder(started);
    const kept = await redis?.stop();
    return kept === undefined ? {} : { redisDataKept: kept };
  };
  try {
    if (options.redisUrl === undefined) redis = await startPrivateRedis(options.restartPolicy, hooks);
    const redisUrl = options.redisUrl ?? redis?.url ?? '';
    const model =
      options.model ??
      (options.engineUrl === undefined
        ? undefined
        : await new EngineClient({ url: options.engineUrl, apiKey: options.engineApiKey }).servedModel());
    const planned = { ...options, ...(model === undefined ? {} : { model }) };
    const plan = planStack(planned, await allocate(planned, redisUrl, entries), entries);
    // Ports are fixed up front and nothing connects to an engine at boot, so everything starts at once.
    const specs = [...plan.engines, ...plan.workers, ...(plan.api === undefined ? [] : [plan.api])];
    await startPhase(specs, started, hooks, options);
    const apiPort = plan.api?.env['PORT'];
    const supervised: SupervisedChild<Restartable>[] = [...started, ...(redis === undefined ? [] : [redis.supervised])];
    return {
      redisUrl,
      ownsRedis: redis !== undefined,
      redisDataDir: redis?.dataDir,
      machines: plan.machines,
      children: started,
      redis: redis?.supervised,
      apiUrl: apiPort === undefined ? undefined : `http://127.0.0.1:${apiPort}`,
      metrics: plan.metrics,
      lost: Promise.race(supervised.map((child) => child.gaveUp.then((exit) => ({ name: child.name, exit })))),
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
  started: SupervisedChild<ManagedProcess>[],
  hooks: StackHooks,
  options: StackOptions,
): Promise<void> {
  // Own process groups: a terminal Ctrl-C reaches only the CLI, which then stops children in order.
  const policy = options.restartPolicy === undefined ? {} : { policy: options.restartPolicy };
  const results = await Promise.allSettled(
    specs.map((spec) =>
      supervise(spec.name, () => startManagedProcess({ ...spec, detached: true }, hooks), { hooks, ...policy }),
    ),
  );
  for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}

/** API first, then workers (they drain in-flight jobs), then engines. */
async function stopInOrder(children: SupervisedChild<ManagedProcess>[]): Promise<void> {
  const order = (name: string): number => (name === 'api' ? 0 : name.startsWith('worker') ? 1 : 2);
  for (const rank of [0, 1, 2]) {
    await Promise.all(children.filter((child) => order(child.name) === rank).map((child) => child.stop()));
  }
  children.length = 0;
}
