import { THREADWEAVER_DIALECT, type Dialect } from '@threadloom/threading';
import { DEFAULT_TIMING, type TimingModel } from '../engine/timing-model.js';
import type { SchedulingPolicy } from '../engine/scheduling-policy.js';
import type { FaultOptions } from '../http/faults.js';
import { DEFAULT_SYNTHETIC_OPTIONS, type SyntheticOptions } from '../synthetic/synthetic-options.js';
import type { EngineSimOptions } from './engine-sim-options.js';
import { SimConfigError } from './sim-config.error.js';

/** Options with every default filled in (the corpus is resolved separately). */
export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly timeScale: number;
  readonly maxRunning: number;
  readonly seed: number;
  readonly faults: FaultOptions;
  readonly model: string;
  readonly maxModelLen: number;
  readonly timing: TimingModel;
  readonly synthetic: SyntheticOptions;
  readonly blockSize: number;
  readonly cacheCapacityBlocks: number;
  readonly dialect: Dialect;
  readonly apiKey: string | undefined;
  readonly enableRequestIdHeaders: boolean;
  readonly captureRequests: string | undefined;
  readonly schedulingPolicy: SchedulingPolicy;
}

/** Fills defaults and checks ranges; throws SimConfigError. */
export function resolveOptions(o: EngineSimOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    timeScale: o.timeScale ?? 1,
    maxRunning: o.maxRunning ?? 256,
    seed: o.seed ?? 0,
    faults: o.faults ?? {},
    model: o.model ?? 'threadweaver-sim',
    maxModelLen: o.maxModelLen ?? 40_960,
    timing: { ...DEFAULT_TIMING, ...o.timing },
    synthetic: { ...DEFAULT_SYNTHETIC_OPTIONS, ...o.synthetic },
    blockSize: o.blockSize ?? 16,
    cacheCapacityBlocks: o.cacheCapacityBlocks ?? 16_384,
    dialect: o.dialect ?? THREADWEAVER_DIALECT,
    apiKey: o.apiKey,
    enableRequestIdHeaders: o.enableRequestIdHeaders ?? false,
    captureRequests: o.captureRequests,
    schedulingPolicy: o.schedulingPolicy ?? 'fcfs',
  };
  check(
    Number.isInteger(resolved.port) && resolved.port >= 0 && resolved.port < 65536,
    `port must be 0..65535, got ${resolved.port}`,
  );
  check(
    Number.isFinite(resolved.timeScale) && resolved.timeScale >= 0,
    `timeScale must be ≥ 0, got ${resolved.timeScale}`,
  );
  check(
    Number.isInteger(resolved.maxRunning) && resolved.maxRunning >= 1,
    `maxRunning must be a positive integer, got ${resolved.maxRunning}`,
  );
  check(Number.isInteger(resolved.blockSize) && resolved.blockSize >= 1, `blockSize must be a positive integer`);
  check(resolved.timing.prefillTokensPerSecond > 0, 'prefillTokensPerSecond must be > 0');
  check(resolved.apiKey !== '', 'apiKey must not be empty');
  for (const [kind, rate] of Object.entries(resolved.faults.rates ?? {})) {
    check(typeof rate === 'number' && rate >= 0 && rate <= 1, `fault rate ${kind} must be in [0, 1]`);
  }
  return resolved;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new SimConfigError(message);
}
