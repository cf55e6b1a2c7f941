import { context, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { ID_GENERATOR, randomHex } from './preset-id-generator.js';
import { tracingEnabled } from './start-telemetry.js';
import { carrierOf, contextOf, parseTraceparent, type TraceCarrier } from './trace-carrier.js';

/** The span name of a whole request (GenAI semantic conventions: `invoke_workflow {workflow}`). */
export const WORKFLOW_SPAN_NAME = 'invoke_workflow threadloom';

/** A request's trace: its workflow span (ids fixed at submission) and the producer's span it belongs under. */
export interface WorkflowTrace {
  readonly workflow: TraceCarrier;
  readonly parent?: TraceCarrier | undefined;
}

/**
 * Opens a request's trace at submission: picks the workflow span's ids (in the producer's trace when
 * one is active) so jobs on any machine can parent to it; the span itself is recorded when the request
 * ends (endWorkflowSpan). Undefined when tracing is off: nothing is stored, nothing is traced.
 */
export function openWorkflow(): WorkflowTrace | undefined {
  return tracingEnabled() ? newWorkflow() : undefined;
}

/**
 * A request's trace whether or not this process traces: for a producer without the SDK whose requests
 * run on processes that do (the benchmarks' queue driver, standing in for the traced API).
 */
export function newWorkflow(): WorkflowTrace {
  const active = trace.getSpanContext(context.active());
  const parent = carrierOf();
  const traceId = active?.traceId ?? randomHex(16);
  const flags = active === undefined || (active.traceFlags & 1) === 1 ? '01' : '00';
  const workflow = { traceparent: `00-${traceId}-${randomHex(8)}-${flags}` };
  return parent === undefined ? { workflow } : { workflow, parent };
}

/** Records the request's workflow span from `startMs` to now under the ids chosen at submission. */
export function endWorkflowSpan(
  workflowTrace: WorkflowTrace,
  startMs: number,
  attributes: Attributes,
  error?: string,
): void {
  const ids = parseTraceparent(workflowTrace.workflow.traceparent);
  if (!tracingEnabled() || ids === undefined || !ids.sampled) return;
  const tracer = trace.getTracer('threadloom');
  const span = ID_GENERATOR.withIds(ids.traceId, ids.spanId, () =>
    tracer.startSpan(
      WORKFLOW_SPAN_NAME,
      {
        kind: SpanKind.INTERNAL,
        startTime: startMs,
        attributes: { 'gen_ai.operation.name': 'invoke_workflow', 'gen_ai.workflow.name': 'threadloom', ...attributes },
      },
      contextOf(workflowTrace.parent),
    ),
  );
  if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
  span.end();
}
