import { createHash } from 'node:crypto';
import { nodeEntryArgs, type ProcessSpec, type RestartPolicy } from '@threadloom/devstack';
import type { EntryPoints } from './entry-points.js';
import { SIM_MODEL } from './served-model.js';

/** What `threadloom up` (and the demo, `run --distributed`, the benchmarks) ask of a local stack. */
export interface StackOptions {
  /** Simulated machines: one engine-sim plus one reason+thread worker each. */
  readonly machines: number;
  /** Simulator time scale (0 = no simulated waiting). */
  readonly timeScale: number;
  /** A real vLLM endpoint; replaces the simulators. */
  readonly engineUrl?: string;
  /** That engine's `--api-key`: workers get it as ENGINE_API_KEY (never printed). */
  readonly engineApiKey?: string;
  /** An existing Redis; otherwise a private one is started. */
  readonly redisUrl?: string;
  /** With `redisUrl`: seeds of the Redis Cluster it belongs to (REDIS_CLUSTER_NODES of the workers and the API). */
  readonly redisClusterNodes?: readonly string[];
  /** Lanes new requests are spread over (LANES of the workers and the API); theirs (1) when unset. */
  readonly lanes?: number;
  /** API port (0 = any free port); the API is started only when it is built and this is set. */
  readonly apiPort?: number;
  /** Admin API key configured on the API. */
  readonly apiKey?: string;
  /** Jobs one worker process runs at once per role. */
  readonly concurrency?: number;
  /** Model name workers request; the simulators serve SIM_MODEL, a real engine its own (see EngineClient.servedModel). */
  readonly model?: string;
  /** Redis key prefix of workers and API, to share one Redis between stacks (worker default when unset). */
  readonly keyPrefix?: string;
  /** Running sequences per simulator step (vLLM max_num_seqs); the simulator's default when unset. */
  readonly maxRunning?: number;
  /**
   * Place reason and thread jobs by free engine capacity (workers get ENGINE_MAX_SEQS = maxRunning);
   * only with simulators and a maxRunning. @defaultValue true
   */
  readonly placeByEngineLoad?: boolean;
  /** A JSONL corpus for the simulators (default: the shipped one). */
  readonly corpus?: string;
  /** Extra API environment (limits, log level) for stacks the CLI drives itself. */
  readonly apiEnv?: Readonly<Record<string, string>>;
  /** Simulator seed, for reproducible synthetic trajectories. */
  readonly seed?: number;
  /** The simulators' `--synthetic` statistics (e.g. `blocks=4,threads=3,thread-tokens=300`); their default when unset. */
  readonly synthetic?: string;
  /** The simulators' `--scheduling-policy` (vLLM's flag); `fcfs` when unset. */
  readonly schedulingPolicy?: 'fcfs' | 'priority';
  /** Simulator fault injection (`--fault-rate`, and `--slow-ms` for slow faults), for fault benchmarks. */
  readonly simFaults?: { readonly rate: string; readonly slowMs?: number };
  /** OTLP endpoint every process exports its spans to (OTEL_EXPORTER_OTLP_ENDPOINT); no tracing when unset. */
  readonly otlpEndpoint?: string;
  /** Extra OTEL_* settings for every process (e.g. the protocol, the batch delay). */
  readonly otelEnv?: Readonly<Record<string, string>>;
  /** Extra environment of every worker (e.g. lock timings for fault runs). */
  readonly workerEnv?: Readonly<Record<string, string>>;
  /** How crashed children are restarted. @defaultValue DEFAULT_RESTART_POLICY */
  readonly restartPolicy?: RestartPolicy;
  /** A network namespace per machine (by index): its simulator and worker run there via `ip netns exec`. */
  readonly machineNamespaces?: readonly string[];
}

/** Ports and URLs decided before any process starts. */
interface StackAddresses {
  readonly redisUrl: string;
  /** One port per simulated machine (empty when an engine URL is given). */
  readonly simPorts: readonly number[];
  /** Port of the API, or undefined when the API is not started. */
  readonly apiPort: number | undefined;
  /** `/metrics` port of each worker (machines in order, then the join worker); not served when absent. */
  readonly metricsPorts?: readonly number[];
}

/** Processes in start order: engines first, then workers, then the API. */
export interface StackPlan {
  readonly engines: readonly ProcessSpec[];
  readonly workers: readonly ProcessSpec[];
  readonly api: ProcessSpec | undefined;
  /** The engine URL each machine's worker talks to, by machine id. */
  readonly machines: readonly { readonly id: string; readonly engineUrl: string }[];
  /** Where each worker serves Prometheus metrics (empty when no ports were given). */
  readonly metrics: readonly { readonly name: string; readonly url: string }[];
}

/** Ready lines: the simulator prints its URL, the worker `worker ready …`, the API `threadloom-api ready`. */
const READY = {
  engine: /^https?:\/\/\S+$/,
  worker: /^worker ready\b/,
  api: /threadloom-api ready/,
} as const;

/** Builds the list of processes of a local stack; pure (ports are chosen by the caller). */
export function planStack(options: StackOptions, addresses: StackAddresses, entries: EntryPoints): StackPlan {
  const machines = Array.from({ length: options.machines }, (_, index) => {
    const id = `machine-${index + 1}`;
    const port = addresses.simPorts[index];
    const engineUrl = options.engineUrl ?? `http://127.0.0.1:${String(port)}`;
    return { id, engineUrl, port };
  });
  const engines =
    options.engineUrl !== undefined
      ? []
      : machines.map((machine, index) =>
          inNamespace(
            withTelemetry(engineSpec(entries, machine.id, machine.port ?? 0, options), options),
            options.machineNamespaces?.[index],
          ),
        );
  const workerEnvs = [
    ...machines.map((machine, index) => ({
      name: `worker ${machine.id}`,
      env: {
        WORKER_ROLES: 'reason,thread',
        MACHINE_ID: machine.id,
        ENGINE_URL: machine.engineUrl,
        ...(options.engineUrl === undefined || options.engineApiKey === undefined
          ? {}
          : { ENGINE_API_KEY: options.engineApiKey }),
        ...placementEnv(options),
        ...advertiseEnv(options, machine.engineUrl, index),
      },
    })),
    { name: 'worker join', env: { WORKER_ROLES: 'join', MACHINE_ID: 'join-1' } },
  ];
  const ports = addresses.metricsPorts ?? [];
  const workers = workerEnvs.map(({ name, env }, index) =>
    inNamespace(
      withTelemetry(
        workerSpec(entries, name, addresses.redisUrl, { ...env, METRICS_PORT: String(ports[index] ?? 0) }, options),
        options,
      ),
      options.machineNamespaces?.[index],
    ),
  );
  const api =
    addresses.apiPort === undefined
      ? undefined
      : withTelemetry(apiSpec(entries, addresses.apiPort, addresses.redisUrl, options), options);
  const metrics = workerEnvs.flatMap(({ name }, index) =>
    ports[index] === undefined ? [] : [{ name, url: `http://127.0.0.1:${String(ports[index])}/metrics` }],
  );
  return { engines, workers, api, machines: machines.map(({ id, engineUrl }) => ({ id, engineUrl })), metrics };
}

/** The process run inside network namespace `namespace` (`ip netns exec` execs it: same pid, signals reach it). */
function inNamespace(spec: ProcessSpec, namespace: string | undefined): ProcessSpec {
  if (namespace === undefined) return spec;
  return { ...spec, command: 'ip', args: ['netns', 'exec', namespace, spec.command, ...spec.args] };
}

/** Every process exports spans to the stack's OTLP endpoint, named by its role. */
function withTelemetry(spec: ProcessSpec, options: StackOptions): ProcessSpec {
  if (options.otlpEndpoint === undefined) return spec;
  const otel = {
    OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint,
    OTEL_RESOURCE_ATTRIBUTES: `service.instance.id=${spec.name.replace(/\s+/g, '-')}`,
    ...options.otelEnv,
  };
  return { ...spec, env: { ...spec.env, ...otel } };
}

/** One simulator process on `port` (0 = any; its ready line is its URL). */
export function engineSpec(
  entries: EntryPoints,
  machineId: string,
  port: number,
  options: Pick<
    StackOptions,
    'timeScale' | 'seed' | 'corpus' | 'maxRunning' | 'synthetic' | 'schedulingPolicy' | 'simFaults'
  >,
): ProcessSpec {
  const args = [
    ...nodeEntryArgs(entries.engineSim),
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--time-scale',
    String(options.timeScale),
    '--model',
    SIM_MODEL,
  ];
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.corpus !== undefined) args.push('--corpus', options.corpus);
  if (options.maxRunning !== undefined) args.push('--max-running', String(options.maxRunning));
  if (options.synthetic !== undefined) args.push('--synthetic', options.synthetic);
  if (options.schedulingPolicy !== undefined) args.push('--scheduling-policy', options.schedulingPolicy);
  if (options.simFaults !== undefined) args.push('--fault-rate', options.simFaults.rate);
  if (options.simFaults?.slowMs !== undefined) args.push('--slow-ms', String(options.simFaults.slowMs));
  return { name: `engine-sim ${machineId}`, command: process.execPath, args, env: {}, ready: READY.engine };
}

function workerSpec(
  entries: EntryPoints,
  name: string,
  redisUrl: string,
  env: Record<string, string>,
  options: StackOptions,
): ProcessSpec {
  const concurrency: Record<string, string> =
    options.concurrency === undefined
      ? {}
      : {
          REASON_CONCURRENCY: String(options.concurrency),
          THREAD_CONCURRENCY: String(options.concurrency),
          JOIN_CONCURRENCY: String(options.concurrency),
        };
  return {
    name,
    command: process.execPath,
    args: nodeEntryArgs(entries.worker),
    ready: READY.worker,
    env: {
      REDIS_URL: redisUrl,
      MODEL_NAME: options.model ?? SIM_MODEL,
      ...layoutEnv(options),
      ...env,
      ...concurrency,
      ...options.workerEnv,
    },
  };
}

function apiSpec(entries: EntryPoints, port: number, redisUrl: string, options: StackOptions): ProcessSpec {
  // The API stores keys hashed; the admin key gets every scope.
  const keys: Record<string, string> =
    options.apiKey === undefined
      ? { API_AUTH_DISABLED: 'true' }
      : {
          API_KEYS: JSON.stringify([
            {
              name: 'threadloom-up',
              sha256: createHash('sha256').update(options.apiKey).digest('hex'),
              tenant: 'default',
              scopes: ['submit', 'read', 'admin'],
            },
          ]),
        };
  return {
    name: 'api',
    command: process.execPath,
    args: nodeEntryArgs(entries.api),
    ready: READY.api,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL: redisUrl,
      API_MODELS: options.model ?? SIM_MODEL,
      ...layoutEnv(options),
      ...keys,
      ...options.apiEnv,
    },
  };
}

/** The simulators' sequence limit, told to the workers so they place jobs by free engine capacity. */
function placementEnv(options: StackOptions): Record<string, string> {
  const enabled =
    options.engineUrl === undefined && options.maxRunning !== undefined && options.placeByEngineLoad !== false;
  return enabled ? { ENGINE_MAX_SEQS: String(options.maxRunning) } : {};
}

/**
 * Each simulator's URL, advertised so a worker can send a job's engine call to the machine holding its
 * prefix. Loopback simulators only: one in its own network namespace is not reachable from the others.
 */
function advertiseEnv(options: StackOptions, engineUrl: string, index: number): Record<string, string> {
  const reachable = options.engineUrl === undefined && options.machineNamespaces?.[index] === undefined;
  return reachable && placementEnv(options)['ENGINE_MAX_SEQS'] !== undefined ? { ENGINE_ADVERTISE_URL: engineUrl } : {};
}

/** Where the runtime's keys are, which the workers and the API must agree on: prefix, cluster seeds, lanes. */
function layoutEnv(options: StackOptions): Record<string, string> {
  return {
    ...(options.keyPrefix === undefined ? {} : { KEY_PREFIX: options.keyPrefix }),
    ...(options.redisClusterNodes === undefined ? {} : { REDIS_CLUSTER_NODES: options.redisClusterNodes.join(',') }),
    ...(options.lanes === undefined ? {} : { LANES: String(options.lanes) }),
  };
}
