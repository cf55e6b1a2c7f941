import { context, propagation, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';

/** W3C trace context as it travels in job data and HTTP headers. */
export interface TraceCarrier {
  readonly traceparent: string;
  readonly tracestate?: string | undefined;
}

/** The W3C headers of `ctx` (the active context by default); undefined when nothing is traced. */
export function carrierOf(ctx: Context = context.active()): TraceCarrier | undefined {
  if (trace.getSpanContext(ctx) === undefined) return undefined;
  const headers: Record<string, string> = {};
  propagation.inject(ctx, headers);
  const { traceparent, tracestate } = headers;
  if (traceparent === undefined) return undefined;
  return tracestate === undefined ? { traceparent } : { traceparent, tracestate };
}

/** The remote parent a carrier names (the root context without one). */
export function contextOf(carrier: TraceCarrier | undefined): Context {
  if (carrier === undefined) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { ...carrier });
}

/** The `traceparent` fields; undefined when malformed. */
export function parseTraceparent(
  traceparent: string,
): { traceId: string; spanId: string; sampled: boolean } | undefined {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(traceparent.trim());
  if (match === null) return undefined;
  return { traceId: match[1]!, spanId: match[2]!, sampled: (Number.parseInt(match[3]!, 16) & 1) === 1 };
}
