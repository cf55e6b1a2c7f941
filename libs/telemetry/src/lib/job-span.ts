import { SpanKind, type Attributes } from '@opentelemetry/api';
import { DeferredSpan, runInDeferredSpan } from './deferred-span.js';
import type { TraceCarrier } from './trace-carrier.js';

/** What a traced job knows about itself. */
export interface JobSpanOptions {
  /** The request's workflow span (from job data); without it the job runs untraced. */
  readonly parent: TraceCarrier | undefined;
  readonly attributes: Attributes;
  /** Spans this one depends on without being their child (a join's threads). */
  readonly links?: readonly TraceCarrier[];
}

/** The job's span as `fn` sees it. */
export interface JobTrace {
  readonly span: DeferredSpan;
  /** The span's W3C carrier: the parent of the job's engine calls, and what a join links to. */
  readonly carrier: TraceCarrier;
}

/**
 * Runs one job inside a CONSUMER span `process <queue>` under the request's workflow span, so every
 * machine's work joins one trace; `fn` gets the job's trace (undefined when the job is untraced).
 * The span is never made the active context: on Node 20 the first `context.with` turns on
 * AsyncLocalStorage's promise hooks for the whole process, a cost on every promise of every job
 * (BullMQ and ioredis make many), so the job's carrier is handed to its calls explicitly instead. The
 * span is recorded after the job (DeferredSpan), so the SDK's work does not hold up the job's completion.
 */
export async function inJobSpan<T>(
  queue: string,
  options: JobSpanOptions,
  fn: (job: JobTrace | undefined) => Promise<T>,
): Promise<T> {
  if (options.parent === undefined) return fn(undefined);
  const span = DeferredSpan.open({
    scope: 'threadloom',
    name: `process ${queue}`,
    kind: SpanKind.CONSUMER,
    parent: options.parent,
    attributes: {
      'messaging.system': 'bullmq',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': queue,
      ...options.attributes,
    },
    ...(options.links === undefined ? {} : { links: options.links }),
  });
  const carrier = span?.carrier;
  if (span === undefined || carrier === undefined) return fn(undefined);
  return runInDeferredSpan(span, () => fn({ span, carrier }));
}
