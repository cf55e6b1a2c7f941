import { engineLoadKey } from '@threadloom/contracts';
import { engineEndpoint } from '@threadloom/engine-client';
import type { RedisClient } from '@threadloom/queue';
import { parseEngineLoad } from './engine-load.js';
import { parseEngineRates } from './engine-rates.js';
import { formatMachineLoad, parseFleetLoad, shouldYield, type MachineLoad } from './placement-decision.js';

/** Where this worker's engine is and how many sequences it runs at once (vLLM `--max-num-seqs`). */
interface EnginePlacementOptions {
  readonly engineUrl: string;
  readonly machineId: string;
  readonly maxSeqs: number;
  readonly pollMs: number;
  readonly keyPrefix: string;
  /** Published with each reading so other workers can call this engine (ENGINE_ADVERTISE_URL). */
  readonly advertiseUrl?: string | undefined;
}

/** Readings older than this many poll periods are ignored (a machine that stopped reporting). */
const FRESH_POLLS = 10;
/**
 * …but never younger than this: a worker whose event loop is held up by a busy CPU or a GC pause
 * publishes late, and forgetting a machine that holds a request's prefix sends its threads elsewhere.
 */
const FRESH_FLOOR_MS = 2_000;

/**
 * Places reason and thread jobs by free engine capacity. Every poll it reads its engine's running and
 * waiting gauges, publishes its free slots to a fleet-wide hash and reads the others'; a job that
 * arrives while the local engine is full and another machine has room is handed back to the queue.
 */
export class EnginePlacement {
  private free = Number.POSITIVE_INFINITY;
  private reading: MachineLoad | undefined;
  private admittedSincePoll = 0;
  /** Jobs this worker sent to another machine's engine since that machine's reading (`at`) it last saw. */
  private readonly sentSinceReading = new Map<string, { readonly at: number; readonly count: number }>();
  private fleet: MachineLoad[] = [];
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private failures = 0;
  private readonly metricsUrl: string;

  constructor(
    private readonly redis: RedisClient,
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
    if (shouldYield(localFree, this.fleet, this.options.machineId, Date.now(), this.freshMs)) return false;
    this.admittedSincePoll += 1;
    return true;
  }

  /**
   * Fresh readings of every machine, this one's free slots lowered by what it admitted since its own
   * reading (empty while this engine cannot be read: fail open).
   */
  machines(now = Date.now()): MachineLoad[] {
    if (this.reading === undefined) return [];
    const self = { ...this.reading, free: this.free - this.admittedSincePoll };
    const others = this.fleet
      .filter((load) => load.machine !== this.options.machineId && now - load.at <= this.freshMs)
      .map((load) => ({ ...load, free: load.free - this.sentTo(load) }));
    return [self, ...others];
  }

  /** How old another machine's reading may be and still count. */
  private get freshMs(): number {
    return Math.max(FRESH_FLOOR_MS, this.options.pollMs * FRESH_POLLS);
  }

  /** The machine this placement reads and publishes for. */
  get machineId(): string {
    return this.options.machineId;
  }

  /** Counts a job started here against the free slots until the next reading. */
  admitted(): void {
    this.admittedSincePoll += 1;
  }

  /** Counts a job this worker sends to `machine`'s engine against that machine's free slots until its next reading. */
  sentToMachine(machine: string): void {
    if (machine === this.options.machineId) return this.admitted();
    const reading = this.fleet.find((load) => load.machine === machine);
    if (reading === undefined) return;
    const previous = this.sentSinceReading.get(machine);
    const count = previous?.at === reading.at ? previous.count + 1 : 1;
    this.sentSinceReading.set(machine, { at: reading.at, count });
  }

  private sentTo(load: MachineLoad): number {
    const sent = this.sentSinceReading.get(load.machine);
    return sent?.at === load.at ? sent.count : 0;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const reading = await this.read();
      this.reading = reading;
      this.free = reading.free;
      this.admittedSincePoll = 0;
      const key = engineLoadKey(this.options.keyPrefix);
      const value = formatMachineLoad(reading);
      const [, fleet] = (await this.redis.multi().hset(key, this.options.machineId, value).hgetall(key).exec()) ?? [];
      this.fleet = parseFleetLoad((fleet?.[1] ?? {}) as Record<string, string>);
      this.failures = 0;
    } catch (error) {
      // Fail open: without a reading every job runs where it lands, as without placement. An engine
      // still starting next to its worker fails a few polls; say so only when it persists.
      this.free = Number.POSITIVE_INFINITY;
      this.reading = undefined;
      this.failures += 1;
      if (this.failures === FRESH_POLLS)
        this.warn(`engine load unavailable (${(error as Error).message}); placing jobs where they land`);
    } finally {
      this.polling = false;
    }
  }

  /** This engine's free slots, queue and measured rates (rates undefined until it has served requests). */
  private async read(): Promise<MachineLoad> {
    const response = await fetch(this.metricsUrl, {
      signal: AbortSignal.timeout(Math.max(1_000, this.options.pollMs * 4)),
    });
    if (!response.ok) throw new Error(`GET ${this.metricsUrl}: HTTP ${response.status}`);
    const text = await response.text();
    const load = parseEngineLoad(text);
    if (load === undefined) throw new Error(`GET ${this.metricsUrl}: no vllm:num_requests_running/waiting gauges`);
    const rates = parseEngineRates(text);
    return {
      machine: this.options.machineId,
      free: this.options.maxSeqs - load.running - load.waiting,
      at: Date.now(),
      running: load.running,
      waiting: load.waiting,
      ...definedOnly(rates),
      ...(this.options.advertiseUrl === undefined ? {} : { url: this.options.advertiseUrl }),
    };
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
