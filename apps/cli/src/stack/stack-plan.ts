import type { EntryPoints } from './entry-points.js';
import type { ProcessSpec } from './managed-process.js';

/** What `threadloom up` (and the demo, `run --distributed`, the benchmarks) ask of a local stack. */
export interface StackOptions {
  /** Simulated machines: one engine-sim plus one reason+thread worker each. */
  readonly machines: number;
  /** Simulator time scale (0 = no simulated waiting). */
  readonly timeScale: number;
  /** A real vLLM endpoint; replaces the simulators. */
  readonly engineUrl?: string;
  /** An existing Redis; otherwise a private one is started. */
  readonly redisUrl?: string;
  /** API port (0 = any free port); the API is started only when it is built and this is set. */
  readonly apiPort?: number;
  /** Admin API key configured on the API. */
  readonly apiKey?: string;
  /** Jobs one worker process runs at once per role. */
  readonly concurrency?: number;
  /** Simulator seed, for reproducible synthetic trajectories. */
  readonly seed?: number;
}

/** Ports and URLs decided before any process starts. */
export interface StackAddresses {
  readonly redisUrl: string;
  /** One port per simulated machine (empty when an engine URL is given). */
  readonly simPorts: readonly number[];
  /** Port of the API, or undefined when the API is not started. */
  readonly apiPort: number | undefined;
}

/** Processes in start order: engines first, then workers, then the API. */
export interface StackPlan {
  readonly engines: readonly ProcessSpec[];
  readonly workers: readonly ProcessSpec[];
  readonly api: ProcessSpec | undefined;
  /** The engine URL each machine's worker talks to, by machine id. */
  readonly machines: readonly { readonly id: string; readonly engineUrl: string }[];
}

const READY = /\bready\b|listening|https?:\/\//i;

/** Builds the list of processes of a local stack; pure (ports are chosen by the caller). */
export function planStack(options: StackOptions, addresses: StackAddresses, entries: EntryPoints): StackPlan {
  const machines = Array.from({ length: options.machines }, (_, index) => {
    const id = `machine-${index + 1}`;
    const port = addresses.simPorts[index];
    const engineUrl = options.engineUrl ?? `http://127.0.0.1:${String(port)}`;
    return { id, engineUrl, port };
  });
  const engines = options.engineUrl !== undefined ? [] : machines.map((machine) =>
    engineSpec(entries, machine.id, machine.port ?? 0, options));
  const workers = [
    ...machines.map((machine) => workerSpec(entries, `worker ${machine.id}`, addresses.redisUrl, {
      WORKER_ROLES: 'reason,thread', MACHINE_ID: machine.id, ENGINE_URL: machine.engineUrl,
    }, options)),
    workerSpec(entries, 'worker join', addresses.redisUrl, { WORKER_ROLES: 'join', MACHINE_ID: 'join-1' }, options),
  ];
  const api = addresses.apiPort === undefined ? undefined : apiSpec(entries, addresses.apiPort, addresses.redisUrl, options);
  return { engines, workers, api, machines: machines.map(({ id, engineUrl }) => ({ id, engineUrl })) };
}

function engineSpec(entries: EntryPoints, machineId: string, port: number, options: StackOptions): ProcessSpec {
  const args = [entries.engineSim, '--port', String(port), '--host', '127.0.0.1', '--time-scale', String(options.timeScale)];
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  return { name: `engine-sim ${machineId}`, command: process.execPath, args, env: {}, ready: READY };
}

function workerSpec(
  entries: EntryPoints, name: string, redisUrl: string, env: Record<string, string>, options: StackOptions,
): ProcessSpec {
  const concurrency: Record<string, string> = options.concurrency === undefined ? {} : {
    WORKER_CONCURRENCY: String(options.concurrency),
    REASON_CONCURRENCY: String(options.concurrency),
    THREAD_CONCURRENCY: String(options.concurrency),
    JOIN_CONCURRENCY: String(options.concurrency),
  };
  return {
    name, command: process.execPath, args: [entries.worker], ready: READY,
    env: { REDIS_URL: redisUrl, ...env, ...concurrency },
  };
}

function apiSpec(entries: EntryPoints, port: number, redisUrl: string, options: StackOptions): ProcessSpec {
  const keys: Record<string, string> = options.apiKey === undefined ? {} : {
    API_KEYS: JSON.stringify([{ key: options.apiKey, tenant: 'default', scopes: ['submit', 'read', 'admin'] }]),
  };
  return {
    name: 'api', command: process.execPath, args: [entries.api], ready: READY,
    env: { PORT: String(port), HOST: '127.0.0.1', REDIS_URL: redisUrl, ...keys },
  };
}
