import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  CRITICAL_PATH_BUCKETS,
  GENAI_DURATION_BUCKETS,
  GENAI_TOKEN_BUCKETS,
  GENAI_TTFC_BUCKETS,
  LATENCY_BUCKETS,
  SPEEDUP_BUCKETS,
} from './metric-buckets.js';

/** Label names of the GenAI client metrics. */
const GENAI_LABELS = ['gen_ai_operation_name', 'gen_ai_provider_name', 'gen_ai_request_model'] as const;

/** Every metric one worker process exports (Prometheus names; labels are low-cardinality only). */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];
  readonly threadQueueWait = this.seconds(
    'threadloom_thread_queue_wait_seconds',
    'Thread job wait from the fork to its engine call (queue, slots, retries).',
  );
  readonly timeToFirstToken = this.seconds(
    'threadloom_thread_time_to_first_token_seconds',
    'Engine time to first token of a thread call.',
  );
  readonly decode = this.seconds(
    'threadloom_thread_decode_seconds',
    'Engine decode time of a thread call after its first token.',
  );
  readonly joinWait = this.seconds(
    'threadloom_join_wait_seconds',
    "A join's wait from its block's last thread finishing to the join running.",
  );
  readonly requestDuration = this.seconds(
    'threadloom_request_duration_seconds',
    'Request end to end, submission to terminal state.',
    ['outcome'],
  );
  readonly realizedSpeedup = new Histogram({
    name: 'threadloom_request_realized_speedup',
    help: "A finished request's time with each block's threads one after another, over its actual time.",
    buckets: SPEEDUP_BUCKETS,
    registers: this.registers,
  });
  readonly criticalPathTokens = new Histogram({
    name: 'threadloom_request_critical_path_tokens',
    help: 'Engine-counted tokens on the critical path of a finished request.',
    buckets: CRITICAL_PATH_BUCKETS,
    registers: this.registers,
  });
  readonly requests = this.counter('threadloom_requests_total', 'Requests this process moved to a terminal state.', [
    'outcome',
  ]);
  readonly threads = this.counter('threadloom_threads_total', 'Threads by how they ended.', ['outcome']);
  readonly engineErrors = this.counter('threadloom_engine_errors_total', 'Failed engine calls by error class.', [
    'class',
  ]);
  readonly cancellations = this.counter(
    'threadloom_cancellations_total',
    'In-flight jobs aborted because their request was cancelled.',
  );
  readonly placementHandbacks = this.counter(
    'threadloom_placement_handbacks_total',
    'Jobs handed back to the queue because the local engine was full and another had room.',
  );
  readonly threadsInFlight = new Gauge({
    name: 'threadloom_threads_in_flight',
    help: 'Thread engine calls running now.',
    labelNames: ['machine'],
    registers: this.registers,
  });
  readonly genAiDuration = new Histogram({
    name: 'gen_ai_client_operation_duration_seconds',
    help: 'GenAI operation duration (gen_ai.client.operation.duration).',
    labelNames: [...GENAI_LABELS, 'error_type'],
    buckets: GENAI_DURATION_BUCKETS,
    registers: this.registers,
  });
  readonly genAiTokens = new Histogram({
    name: 'gen_ai_client_token_usage',
    help: 'Input and output tokens per GenAI operation (gen_ai.client.token.usage).',
    labelNames: [...GENAI_LABELS, 'gen_ai_token_type'],
    buckets: GENAI_TOKEN_BUCKETS,
    registers: this.registers,
  });
  readonly genAiTimeToFirstChunk = new Histogram({
    name: 'gen_ai_client_operation_time_to_first_chunk_seconds',
    help: 'Time to the first streamed chunk (gen_ai.client.operation.time_to_first_chunk).',
    labelNames: [...GENAI_LABELS],
    buckets: GENAI_TTFC_BUCKETS,
    registers: this.registers,
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'threadloom_worker_' });
  }

  private seconds(name: string, help: string, labelNames: string[] = []): Histogram {
    return new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: this.registers });
  }

  private counter(name: string, help: string, labelNames: string[] = []): Counter {
    return new Counter({ name, help, labelNames, registers: this.registers });
  }
}
