import type { GenerationJob, GenerationResult } from './generation-job.js';
import { PrefixCache } from './prefix-cache.js';
import { Scheduler } from './scheduler.js';
import type { SchedulingPolicy } from './scheduling-policy.js';
import { SimMetrics } from './sim-metrics.js';
import { prefillMs, soloRequestMs, stepMs, type TimingModel } from './timing-model.js';

/** Engine settings: timing, scale, batch limit and prefix cache size. */
interface SimEngineOptions {
  readonly model: string;
  readonly timing: TimingModel;
  /** Wall time = model time × timeScale; 0 answers at once. */
  readonly timeScale: number;
  readonly maxRunning: number;
  readonly blockSize: number;
  readonly cacheCapacityBlocks: number;
  /** vLLM's `--scheduling-policy` (default `fcfs`). */
  readonly schedulingPolicy?: SchedulingPolicy;
}

/** The simulated GPU: prefix cache, metrics and either instant answers or a batching scheduler. */
export class SimEngine {
  readonly metrics: SimMetrics;
  private readonly cache: PrefixCache;
  private readonly scheduler: Scheduler | undefined;

  constructor(private readonly options: SimEngineOptions) {
    this.metrics = new SimMetrics(options.model);
    this.cache = new PrefixCache(options.blockSize, options.cacheCapacityBlocks);
    this.scheduler =
      options.timeScale > 0
        ? new Scheduler(
            options.timing,
            options.timeScale,
            options.maxRunning,
            this.cache,
            this.metrics,
            options.schedulingPolicy,
          )
        : undefined;
  }

  /** Runs one sequence to completion (or abort). */
  generate(job: GenerationJob): Promise<GenerationResult> {
    return this.scheduler ? this.scheduler.submit(job) : Promise.resolve(this.instant(job));
  }

  /** Stops the clock and releases pending sequences. */
  close(): void {
    this.scheduler?.close();
  }

  /** Time scale 0: no waiting; cache and metrics as if the request ran alone. */
  private instant(job: GenerationJob): GenerationResult {
    const cachedTokens = this.cache.match(job.promptIds);
    this.cache.insert(job.promptIds, job.outputIds);
    for (let i = 0; i < job.outputIds.length; i++) job.onToken?.(i);
    const { timing } = this.options;
    const prompt = job.promptIds.length;
    const prefill = prefillMs(timing, prompt - cachedTokens);
    const modelMs = soloRequestMs(timing, prompt - cachedTokens, prompt, job.outputIds.length);
    const step = stepMs(timing, 1, prompt) / 1000;
    const latency = {
      queueSeconds: 0,
      prefillSeconds: prefill / 1000,
      timeToFirstTokenSeconds: prefill / 1000 + step,
      e2eSeconds: modelMs / 1000,
    };
    this.metrics.record({
      promptTokens: prompt,
      cachedTokens,
      outputTokens: job.outputIds.length,
      finishReason: job.finishReason,
      queueSeconds: 0,
      prefillSeconds: latency.prefillSeconds,
      ttftSeconds: latency.timeToFirstTokenSeconds,
      e2eSeconds: latency.e2eSeconds,
      interTokenSeconds: job.outputIds.length > 1 ? new Array<number>(job.outputIds.length - 1).fill(step) : [],
    });
    return { cachedTokens, modelMs, latency };
  }
}
