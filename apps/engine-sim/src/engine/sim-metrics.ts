import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FinishReason } from '../decode/decode-options.js';

const LATENCY_BUCKETS = [
  0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80, 160, 640,
];
const TOKEN_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 40000];

/** What one finished request contributes to the metrics (times in model seconds). */
interface RequestRecord {
  readonly promptTokens: number;
  readonly cachedTokens: number;
  readonly outputTokens: number;
  readonly finishReason: FinishReason;
  readonly queueSeconds: number;
  readonly prefillSeconds: number;
  readonly ttftSeconds: number;
  readonly e2eSeconds: number;
  /** One entry per token after the first. */
  readonly interTokenSeconds: readonly number[];
}

/** vLLM V1 metric names in a private registry (one per simulator instance). */
export class SimMetrics {
  readonly registry = new Registry();
  private readonly labels: { model_name: string };
  private readonly running;
  private readonly waiting;
  private readonly kvUsage;
  private readonly promptTokens;
  private readonly generationTokens;
  private readonly success;
  private readonly cacheQueries;
  private readonly cacheHits;
  private readonly ttft;
  private readonly itl;
  private readonly e2e;
  private readonly queue;
  private readonly prefill;
  private readonly decode;
  private readonly requestPrompt;
  private readonly requestGeneration;
  private readonly faults;

  constructor(model: string) {
    this.labels = { model_name: model };
    const labelNames = ['model_name'] as const;
    const registers = [this.registry];
    const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames, registers });
    const counter = (name: string, help: string) => new Counter({ name, help, labelNames, registers });
    const histogram = (name: string, help: string, buckets: number[]) =>
      new Histogram({ name, help, labelNames, buckets, registers });
    const latency = (name: string, help: string) => histogram(name, help, LATENCY_BUCKETS);
    this.running = gauge('vllm:num_requests_running', 'Number of requests in model execution batches.');
    this.waiting = gauge('vllm:num_requests_waiting', 'Number of requests waiting to be processed.');
    this.kvUsage = gauge('vllm:kv_cache_usage_perc', 'KV-cache usage. 1 means 100 percent usage.');
    this.promptTokens = counter('vllm:prompt_tokens_total', 'Number of prefill tokens processed.');
    this.generationTokens = counter('vllm:generation_tokens_total', 'Number of generation tokens processed.');
    this.success = new Counter({
      name: 'vllm:request_success_total',
      help: 'Count of successfully processed requests.',
      labelNames: ['model_name', 'finished_reason'],
      registers,
    });
    this.cacheQueries = counter(
      'vllm:prefix_cache_queries_total',
      'Prefix cache queries, in terms of number of queried tokens.',
    );
    this.cacheHits = counter('vllm:prefix_cache_hits_total', 'Prefix cache hits, in terms of number of cached tokens.');
    counter('vllm:num_preemptions_total', 'Cumulative number of preemption from the engine.')
      .labels(this.labels)
      .inc(0);
    this.ttft = latency('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.');
    this.itl = latency('vllm:inter_token_latency_seconds', 'Histogram of inter-token latency in seconds.');
    this.e2e = histogram(
      'vllm:e2e_request_latency_seconds',
      'Histogram of e2e request latency in seconds.',
      LATENCY_BUCKETS,
    );
    this.queue = latency('vllm:request_queue_time_seconds', 'Histogram of time spent in WAITING phase for request.');
    this.prefill = latency(
      'vllm:request_prefill_time_seconds',
      'Histogram of time spent in PREFILL phase for request.',
    );
    this.decode = latency('vllm:request_decode_time_seconds', 'Histogram of time spent in DECODE phase for request.');
    this.requestPrompt = histogram('vllm:request_prompt_tokens', 'Number of prefill tokens processed.', TOKEN_BUCKETS);
    this.requestGeneration = histogram(
      'vllm:request_generation_tokens',
      'Number of generation tokens processed.',
      TOKEN_BUCKETS,
    );
    // The simulator's own counter (not a vLLM metric): what fault injection did, for fault benchmarks.
    this.faults = new Counter({
      name: 'sim_faults_injected_total',
      help: 'Faults the simulator injected, by kind.',
      labelNames: ['model_name', 'kind'],
      registers,
    });
    for (const g of [this.running, this.waiting, this.kvUsage]) g.labels(this.labels).set(0);
  }

  /** Updates the scheduler gauges. */
  setLoad(running: number, waiting: number, kvUsage: number): void {
    this.running.labels(this.labels).set(running);
    this.waiting.labels(this.labels).set(waiting);
    this.kvUsage.labels(this.labels).set(kvUsage);
  }

  /** Counts one injected fault. */
  recordFault(kind: string): void {
    this.faults.labels({ ...this.labels, kind }).inc();
  }

  /** Records one finished request. */
  record(r: RequestRecord): void {
    const l = this.labels;
    this.promptTokens.labels(l).inc(r.promptTokens);
    this.generationTokens.labels(l).inc(r.outputTokens);
    this.success.labels({ ...l, finished_reason: r.finishReason }).inc();
    this.cacheQueries.labels(l).inc(r.promptTokens);
    this.cacheHits.labels(l).inc(r.cachedTokens);
    this.ttft.labels(l).observe(r.ttftSeconds);
    const itl = this.itl.labels(l);
    for (const s of r.interTokenSeconds) itl.observe(s);
    this.e2e.labels(l).observe(r.e2eSeconds);
    this.queue.labels(l).observe(r.queueSeconds);
    this.prefill.labels(l).observe(r.prefillSeconds);
    this.decode.labels(l).observe(Math.max(0, r.e2eSeconds - r.queueSeconds - r.prefillSeconds));
    this.requestPrompt.labels(l).observe(r.promptTokens);
    this.requestGeneration.labels(l).observe(r.outputTokens);
  }
}
