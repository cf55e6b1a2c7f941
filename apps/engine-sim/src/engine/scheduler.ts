import type { PrefixCache } from './prefix-cache.js';
import type { SimMetrics } from './sim-metrics.js';
import { prefillMs, stepMs, type TimingModel } from './timing-model.js';
import type { GenerationJob, GenerationResult } from './generation-job.js';
import type { SchedulingPolicy } from './scheduling-policy.js';

/** Longest run of back-to-back overdue steps before yielding to I/O. */
const CATCH_UP_SLICE_MS = 2;

interface Sequence {
  readonly job: GenerationJob;
  readonly arrivedMs: number;
  readonly resolve: (result: GenerationResult) => void;
  admittedMs: number;
  prefillMs: number;
  cachedTokens: number;
  produced: number;
  readonly tokenTimes: number[];
}

/**
 * Continuous batching on a virtual clock: each step admits waiting sequences (up to
 * `maxRunning`), prefills their uncached prompt tokens, then decodes one token for every running
 * sequence. Wall time follows the model clock times `timeScale`, from absolute deadlines so timer
 * jitter never accumulates.
 */
export class Scheduler {
  private readonly running: Sequence[] = [];
  private readonly waiting: Sequence[] = [];
  private modelNow = 0;
  private wallOrigin = 0;
  private modelOrigin = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly timing: TimingModel,
    private readonly timeScale: number,
    private readonly maxRunning: number,
    private readonly cache: PrefixCache,
    private readonly metrics: SimMetrics,
    private readonly policy: SchedulingPolicy = 'fcfs',
  ) {}

  /** Queues a sequence; resolves when its last token is produced or it is aborted. */
  submit(job: GenerationJob): Promise<GenerationResult> {
    return new Promise((resolve) => {
      if (job.signal?.aborted) return resolve({ cachedTokens: 0, modelMs: 0 });
      const idle = this.running.length === 0 && this.waiting.length === 0;
      const arrivedAt = Math.min(job.arrivedAt ?? performance.now(), performance.now());
      if (idle) this.resync(arrivedAt);
      const seq: Sequence = {
        job,
        arrivedMs: this.modelAt(arrivedAt),
        resolve,
        admittedMs: 0,
        prefillMs: 0,
        cachedTokens: 0,
        produced: 0,
        tokenTimes: [],
      };
      this.enqueue(seq);
      job.signal?.addEventListener('abort', () => this.drop(seq), { once: true });
      this.publishLoad();
      // Start on the next turn, so every sequence submitted in this one (the n choices of a request)
      // joins the first step.
      if (idle) setImmediate(() => this.kick());
    });
  }

  /**
   * vLLM's waiting queue: arrival order under `fcfs`; under `priority` ordered by (priority, arrival),
   * lower values first, ties in arrival order. Running sequences are never preempted for priority here:
   * vLLM preempts only when KV blocks run out, which the simulator does not model.
   */
  private enqueue(seq: Sequence): void {
    const rank = this.policy === 'priority' ? (seq.job.priority ?? 0) : 0;
    const at = this.waiting.findIndex((other) => (other.job.priority ?? 0) > rank);
    if (this.policy !== 'priority' || at < 0) this.waiting.push(seq);
    else this.waiting.splice(at, 0, seq);
  }

  private kick(): void {
    if (this.running.length === 0 && this.planStep()) this.schedule(performance.now() + CATCH_UP_SLICE_MS);
  }

  /** Stops the clock; pending sequences resolve as aborted. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const seq of [...this.running, ...this.waiting]) this.drop(seq);
  }

  /** Maps wall time `at` to model time `modelNow` (the clock restarts when the engine was idle). */
  private resync(at: number): void {
    this.wallOrigin = at;
    this.modelOrigin = this.modelNow;
  }

  private modelAt(wall: number): number {
    return this.modelOrigin + (wall - this.wallOrigin) / this.timeScale;
  }

  /** Admits waiting sequences and advances the model clock by one step; false when nothing runs. */
  private planStep(): boolean {
    if (this.closed) return false;
    let prefill = 0;
    while (this.running.length < this.maxRunning && this.waiting.length > 0)
      prefill += this.admit(this.waiting.shift() as Sequence);
    if (this.running.length === 0) return false;
    let context = 0;
    let latestArrival = this.modelNow;
    for (const s of this.running) {
      context += s.job.promptIds.length + s.produced;
      latestArrival = Math.max(latestArrival, s.arrivedMs);
    }
    this.modelNow = latestArrival + prefill + stepMs(this.timing, this.running.length, context);
    this.publishLoad();
    return true;
  }

  /**
   * Emits the planned step at its wall deadline. setTimeout never fires sooner than 1 ms, so steps due
   * within 0.5 ms and overdue steps (catch-up) run back to back in this turn for up to a slice, then
   * yield to I/O. Deadlines are absolute, so an early or late step never shifts the next one.
   */
  private schedule(sliceEnd: number): void {
    for (;;) {
      const now = performance.now();
      const delay = this.wallOrigin + (this.modelNow - this.modelOrigin) * this.timeScale - now;
      if (delay >= 0.5) {
        this.timer = setTimeout(() => this.schedule(performance.now() + CATCH_UP_SLICE_MS), delay);
        return;
      }
      if (now >= sliceEnd) {
        setImmediate(() => this.schedule(performance.now() + CATCH_UP_SLICE_MS));
        return;
      }
      this.emit();
      if (!this.planStep()) return;
    }
  }

  private admit(seq: Sequence): number {
    seq.admittedMs = Math.max(this.modelNow, seq.arrivedMs);
    seq.cachedTokens = this.cache.match(seq.job.promptIds);
    this.cache.insert(seq.job.promptIds);
    seq.prefillMs = prefillMs(this.timing, seq.job.promptIds.length - seq.cachedTokens);
    this.running.push(seq);
    return seq.prefillMs;
  }

  private emit(): void {
    for (const seq of [...this.running]) {
      seq.tokenTimes.push(this.modelNow);
      const index = seq.produced++;
      seq.job.onToken?.(index);
      if (seq.produced >= seq.job.outputIds.length) this.finish(seq);
    }
  }

  private finish(seq: Sequence): void {
    this.remove(seq);
    // The gauges must fall to zero when the last sequence ends (placement and preStop hooks read them).
    this.publishLoad();
    this.cache.insert(seq.job.promptIds, seq.job.outputIds);
    const first = seq.tokenTimes[0] ?? this.modelNow;
    const latency = {
      queueSeconds: (seq.admittedMs - seq.arrivedMs) / 1000,
      prefillSeconds: seq.prefillMs / 1000,
      timeToFirstTokenSeconds: (first - seq.arrivedMs) / 1000,
      e2eSeconds: (this.modelNow - seq.arrivedMs) / 1000,
    };
    this.metrics.record({
      promptTokens: seq.job.promptIds.length,
      cachedTokens: seq.cachedTokens,
      outputTokens: seq.produced,
      finishReason: seq.job.finishReason,
      queueSeconds: latency.queueSeconds,
      prefillSeconds: latency.prefillSeconds,
      ttftSeconds: latency.timeToFirstTokenSeconds,
      e2eSeconds: latency.e2eSeconds,
      interTokenSeconds: seq.tokenTimes.slice(1).map((t, i) => (t - (seq.tokenTimes[i] as number)) / 1000),
    });
    seq.resolve({ cachedTokens: seq.cachedTokens, modelMs: this.modelNow - seq.arrivedMs, latency });
  }

  private drop(seq: Sequence): void {
    if (!this.remove(seq)) return;
    seq.resolve({ cachedTokens: seq.cachedTokens, modelMs: this.modelAt(performance.now()) - seq.arrivedMs });
    this.publishLoad();
  }

  private remove(seq: Sequence): boolean {
    for (const list of [this.running, this.waiting]) {
      const at = list.indexOf(seq);
      if (at >= 0) {
        list.splice(at, 1);
        return true;
      }
    }
    return false;
  }

  private publishLoad(): void {
    const blocks = this.running.reduce(
      (sum, s) => sum + Math.ceil((s.job.promptIds.length + s.produced) / this.cache.blockSize),
      0,
    );
    this.metrics.setLoad(
      this.running.length,
      this.waiting.length,
      Math.min(1, blocks / Math.max(1, this.cache.capacityBlocks)),
    );
  }
}
