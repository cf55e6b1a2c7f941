import { engineLoadKey } from '@threadloom/contracts';
import { engineEndpoint } from '@threadloom/engine-client';
import type { Redis } from 'ioredis';
import { parseEngineLoad } from './engine-load.js';
import { parseFleetLoad, shouldYield, type MachineLoad } from './placement-decision.js';

/** Where this worker's engine is and how many sequences it runs at once (vLLM `--max-num-seqs`). */
export interface EnginePlacementOptions {
  readonly engineUrl: string;
  readonly machineId: string;
  readonly maxSeqs: number;
  readonly pollMs: number;
  readonly keyPrefix: string;
}

/** Readings older than this many poll periods are ignored (a machine that stopped reporting). */
const FRESH_POLLS = 10;

/**
 * Places reason and thread jobs by free engine capacity. Every poll it reads its engine's running and
 * waiting gauges, publishes its free slots to a fleet-wide hash and reads the others'; a job that
 * arrives while the local engine is full and another machine has room is handed back to the queue.
 */
export class EnginePlacement {
  private free = Number.POSITIVE_INFINITY;
  private admittedSincePoll = 0;
  private fleet: MachineLoad[] = [];
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private failures = 0;
  private readonly metricsUrl: string;

  constructor(
    private readonly redis: Redis,
    private readonly options: EnginePlacementOptions,
    private readonly warn: (message: string) => void,
  ) {
    this.metricsUrl = engineEndpoint(options.engineUrl, '/metrics');
  }

  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.hdel(engineLoadKey(this.options.keyPrefix), this.options.machineId).catch(() => undefined);
  }

  /** True when this worker should start a job now (and counts it against the free slots until the next reading). */
  admit(): boolean {
    const localFree = this.free - this.admittedSincePoll;
    if (shouldYield(localFree, this.fleet, this.options.machineId, Date.now(), this.options.pollMs * FRESH_POLLS))
      return false;
    this.admittedSincePoll += 1;
    return true;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const free = await this.readFreeSlots();
      this.free = free;
      this.admittedSincePoll = 0;
      const key = engineLoadKey(this.options.keyPrefix);
      const [, fleet] =
        (await this.redis.multi().hset(key, this.options.machineId, `${free} ${Date.now()}`).hgetall(key).exec()) ?? [];
      this.fleet = parseFleetLoad((fleet?.[1] ?? {}) as Record<string, string>);
      this.failures = 0;
    } catch (error) {
      // Fail open: without a reading every job runs where it lands, as without placement. An engine
      // still starting next to its worker fails a few polls; say so only when it persists.
      this.free = Number.POSITIVE_INFINITY;
      this.failures += 1;
      if (this.failures === FRESH_POLLS)
        this.warn(`engine load unavailable (${(error as Error).message}); placing jobs where they land`);
    } finally {
      this.polling = false;
    }
  }

  private async readFreeSlots(): Promise<number> {
    const response = await fetch(this.metricsUrl, {
      signal: AbortSignal.timeout(Math.max(1_000, this.options.pollMs * 4)),
    });
    if (!response.ok) throw new Error(`GET ${this.metricsUrl}: HTTP ${response.status}`);
    const load = parseEngineLoad(await response.text());
    if (load === undefined) throw new Error(`GET ${this.metricsUrl}: no vllm:num_requests_running/waiting gauges`);
    return this.options.maxSeqs - load.running - load.waiting;
  }
}
