import { SpanKind, trace, type Attributes, type Link, type Span } from '@opentelemetry/api';
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

/**
 * Runs one job inside a CONSUMER span `process <queue>` under the request's workflow span, so every
 * machine's work joins one trace; `fn` receives the span and the job's own carrier (for links).
 */
export async function inJobSpan<T>(
  queue: string,
  options: JobSpanOptions,
  fn: (span: Span | undefined, carrier: TraceCarrier | undefined) => Promise<T>,
): Promise<T> {
  if (options.parent === undefined) return fn(undefined, undefined);
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
  return tracer.startActiveSpan(
    `process ${queue}`,
    { kind: SpanKind.CONSUMER, attributes, links },
    contextOf(options.parent),
    (span) => runInSpan(span, () => fn(span, carrierOf())),
  );
}
