import { SpanKind, trace, type Attributes, type Context, type Link, type Span } from '@opentelemetry/api';
import { runInSpan } from './run-in-span.js';
import { carrierOf, contextOf, parseTraceparent, type TraceCarrier } from './trace-carrier.js';

/** What a traced job knows about itself. */
export interface JobSpanOptions {
  /** The request's workflow span (from job data); without it the job runs untraced. */
  readonly parent: TraceCarrier | undefined;
  readonly attributes: Attributes;
  /** Spans this one depends on without being their child (a join's threads). */
  readonly links?: readonly TraceCarrier[];
}

/** The job's span as `fn` sees it: the span, its W3C carrier (for links) and the context to parent calls to. */
export interface JobTrace {
  readonly span: Span;
  readonly carrier: TraceCarrier | undefined;
  /** Pass to inGenAiClientSpan: the job's calls are children of its span. */
  readonly context: Context;
}

/**
 * Runs one job inside a CONSUMER span `process <queue>` under the request's workflow span, so every
 * machine's work joins one trace; `fn` gets the job's trace (undefined when the job is untraced).
 * The span is never made the active context: on Node 20 the first `context.with` turns on
 * AsyncLocalStorage's promise hooks for the whole process, a cost on every promise of every job
 * (BullMQ and ioredis make many), so the job's context is handed to its calls explicitly instead.
 */
export async function inJobSpan<T>(
  queue: string,
  options: JobSpanOptions,
  fn: (job: JobTrace | undefined) => Promise<T>,
): Promise<T> {
  if (options.parent === undefined) return fn(undefined);
  const tracer = trace.getTracer('threadloom');
  const links = (options.links ?? []).flatMap((carrier): Link[] => {
    const ids = parseTraceparent(carrier.traceparent);
    return ids === undefined ? [] : [{ context: { traceId: ids.traceId, spanId: ids.spanId, traceFlags: 1 } }];
  });
  const attributes: Attributes = {
    'messaging.system': 'bullmq',
    'messaging.operation.type': 'process',
    'messaging.operation.name': 'process',
    'messaging.destination.name': queue,
    ...options.attributes,
  };
  const parent = contextOf(options.parent);
  const span = tracer.startSpan(`process ${queue}`, { kind: SpanKind.CONSUMER, attributes, links }, parent);
  const context = trace.setSpan(parent, span);
  return runInSpan(span, () => fn({ span, carrier: carrierOf(context), context }));
}
