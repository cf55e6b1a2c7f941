import { parseArgs } from 'node:util';
import type { EngineSimOptions } from './engine-sim-options.js';
import { isSchedulingPolicy } from '../engine/scheduling-policy.js';
import { parseFaultRates } from './parse-fault-rates.js';
import { parseSynthetic } from './parse-synthetic.js';
import { SimConfigError } from './sim-config.error.js';

/** Environment variables read when the matching flag is absent. */
const ENV = {
  port: 'SIM_PORT',
  host: 'SIM_HOST',
  corpus: 'SIM_CORPUS',
  timeScale: 'SIM_TIME_SCALE',
  maxRunning: 'SIM_MAX_RUNNING',
  seed: 'SIM_SEED',
  faultRate: 'SIM_FAULT_RATE',
  model: 'SIM_MODEL',
  maxModelLen: 'SIM_MAX_MODEL_LEN',
  cacheBlocks: 'SIM_CACHE_BLOCKS',
  slowMs: 'SIM_SLOW_MS',
  apiKey: 'SIM_API_KEY',
  requestIdHeaders: 'SIM_ENABLE_REQUEST_ID_HEADERS',
  capture: 'SIM_CAPTURE_REQUESTS',
  schedulingPolicy: 'SIM_SCHEDULING_POLICY',
  synthetic: 'SIM_SYNTHETIC',
} as const;

/**
 * Parses `--port --host --corpus --time-scale --max-running --seed --fault-rate --model --max-model-len
 * --cache-blocks --slow-ms --api-key --enable-request-id-headers --capture-requests --scheduling-policy
 * --synthetic` (flags win over the SIM_*
 * environment variables; `VLLM_API_KEY` is read too, as vLLM does).
 */
export function parseSimArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): EngineSimOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        corpus: { type: 'string' },
        'time-scale': { type: 'string' },
        'max-running': { type: 'string' },
        seed: { type: 'string' },
        'fault-rate': { type: 'string' },
        model: { type: 'string' },
        'max-model-len': { type: 'string' },
        'cache-blocks': { type: 'string' },
        'slow-ms': { type: 'string' },
        'api-key': { type: 'string' },
        'enable-request-id-headers': { type: 'boolean' },
        'capture-requests': { type: 'string' },
        'scheduling-policy': { type: 'string' },
        synthetic: { type: 'string' },
      },
      strict: true,
    }) as { values: Record<string, string | boolean | undefined> });
  } catch (error) {
    throw new SimConfigError((error as Error).message);
  }
  const get = (flag: string, key: keyof typeof ENV): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : env[ENV[key]];
  };
  const requestIdHeaders = values['enable-request-id-headers'] === true || env[ENV.requestIdHeaders] === 'true';
  const faultRate = get('fault-rate', 'faultRate');
  const slowDelayMs = num(get('slow-ms', 'slowMs'), 'slow-ms');
  const policy = get('scheduling-policy', 'schedulingPolicy');
  if (policy !== undefined && !isSchedulingPolicy(policy))
    throw new SimConfigError(`--scheduling-policy must be fcfs or priority, got "${policy}"`);
  const synthetic = get('synthetic', 'synthetic');
  return dropUndefined({
    port: num(get('port', 'port'), 'port'),
    host: get('host', 'host'),
    corpus: get('corpus', 'corpus'),
    timeScale: num(get('time-scale', 'timeScale'), 'time-scale'),
    maxRunning: num(get('max-running', 'maxRunning'), 'max-running'),
    seed: num(get('seed', 'seed'), 'seed'),
    model: get('model', 'model'),
    maxModelLen: num(get('max-model-len', 'maxModelLen'), 'max-model-len'),
    cacheCapacityBlocks: num(get('cache-blocks', 'cacheBlocks'), 'cache-blocks'),
    apiKey: get('api-key', 'apiKey') ?? env['VLLM_API_KEY'],
    enableRequestIdHeaders: requestIdHeaders ? true : undefined,
    captureRequests: get('capture-requests', 'capture'),
    schedulingPolicy: policy,
    synthetic: synthetic === undefined ? undefined : parseSynthetic(synthetic),
    faults: dropUndefined({ rates: faultRate === undefined ? undefined : parseFaultRates(faultRate), slowDelayMs }),
  });
}

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new SimConfigError(`--${flag} must be a number, got "${value}"`);
  return n;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
