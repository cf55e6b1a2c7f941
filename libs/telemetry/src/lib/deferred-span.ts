import { SpanKind, SpanStatusCode, trace, type Attributes, type Link } from '@opentelemetry/api';
import { ID_GENERATOR, randomHex } from './preset-id-generator.js';
import { recordLater } from './span-recorder.js';
import { tracingEnabled } from './start-telemetry.js';
import { contextOf, parseTraceparent, type TraceCarrier } from './trace-carrier.js';

/** What a span is when it starts. */
export interface DeferredSpanStart {
  /** Instrumentation scope (the tracer's name). */
  readonly scope: string;
  readonly name: string;
  readonly kind: SpanKind;
  /** The remote parent; without one the span is a root whose ids the SDK picks when it is recorded. */
  readonly parent: TraceCarrier | undefined;
  readonly attributes?: Attributes;
  /** Spans this one depends on without being their child (a join's threads). */
  readonly links?: readonly TraceCarrier[];
  /** `performance.now()` at the start; now when not given. */
  readonly startTime?: number;
}

/**
 * A span whose ids are fixed when it starts (so its W3C carrier can go to children at once) and whose
 * SDK work (sampling, attribute checks, the span object, the processor hand-off) runs in a batch
 * RECORD_DELAY_MS after it ends (recordLater), off the request's path. The SDK sees the same start and end
 * times, ids, attributes, links and status as a span it ran itself; it makes the sampling decision when
 * recording (the default parent-based sampler follows the parent's flag, which the carrier passes on).
 */
export class DeferredSpan {
  /** W3C headers naming this span, for child calls and links; undefined for a root span. */
  readonly carrier: TraceCarrier | undefined;
  private readonly startTime: number;
  /** The parent's trace and this span's id, fixed at the start; undefined for a root span. */
  private readonly ids: { readonly traceId: string; readonly spanId: string } | undefined;
  private attributes: Attributes;
  private failure: { readonly message: string; readonly type: string } | undefined;
  private ended = false;

  private constructor(private readonly start: DeferredSpanStart) {
    this.startTime = start.startTime ?? performance.now();
    this.attributes = { ...start.attributes };
    const parent = start.parent === undefined ? undefined : parseTraceparent(start.parent.traceparent);
    if (parent === undefined) return;
    this.ids = { traceId: parent.traceId, spanId: randomHex(8) };
    const traceparent = `00-${parent.traceId}-${this.ids.spanId}-${parent.sampled ? '01' : '00'}`;
    const tracestate = start.parent?.tracestate;
    this.carrier = tracestate === undefined ? { traceparent } : { traceparent, tracestate };
  }

  /** A span when this process traces; undefined otherwise (nothing is recorded, nothing propagated). */
  static open(start: DeferredSpanStart): DeferredSpan | undefined {
    return tracingEnabled() ? new DeferredSpan(start) : undefined;
  }

  setAttributes(attributes: Attributes): void {
    this.attributes = { ...this.attributes, ...attributes };
  }

  /** Marks the span failed with the error's message and class name (`error.type`, OpenTelemetry's convention). */
  fail(error: unknown): void {
    this.failure = {
      message: error instanceof Error ? error.message : String(error),
      type: error instanceof Error ? error.name : 'Error',
    };
  }

  /** Ends the span now (the first call counts) and queues its recording. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const endTime = performance.now();
    recordLater(() => this.record(endTime));
  }

  private record(endTime: number): void {
    const { scope, name, kind, parent, links = [] } = this.start;
    const tracer = trace.getTracer(scope);
    const options = { kind, attributes: this.attributes, links: links.flatMap(linkOf), startTime: this.startTime };
    const parentContext = contextOf(parent);
    const ids = this.ids;
    const span =
      ids === undefined
        ? tracer.startSpan(name, options, parentContext)
        : ID_GENERATOR.withIds(ids.traceId, ids.spanId, () => tracer.startSpan(name, options, parentContext));
    if (this.failure !== undefined) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: this.failure.message });
      span.setAttribute('error.type', this.failure.type);
    }
    span.end(endTime);
  }
}

function linkOf(carrier: TraceCarrier): Link[] {
  const ids = parseTraceparent(carrier.traceparent);
  return ids === undefined
    ? []
    : [{ context: { traceId: ids.traceId, spanId: ids.spanId, traceFlags: ids.sampled ? 1 : 0 } }];
}

/** Runs `work` in `span` (when there is one) and ends the span however it went; a thrown error marks it failed. */
export async function runInDeferredSpan<T>(span: DeferredSpan | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span?.fail(error);
    throw error;
  } finally {
    span?.end();
  }
}
