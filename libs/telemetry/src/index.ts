// Public API of @threadloom/telemetry: tracing bootstrap and span helpers, Prometheus serving.
export { tracesConfigured } from './lib/telemetry-config.js';
export { shutdownTelemetry, startTelemetry, tracingEnabled } from './lib/start-telemetry.js';
export type { TelemetryOptions } from './lib/start-telemetry.js';
export { carrierOf, contextOf, parseTraceparent } from './lib/trace-carrier.js';
export type { TraceCarrier } from './lib/trace-carrier.js';
export { endWorkflowSpan, newWorkflow, openWorkflow, WORKFLOW_SPAN_NAME } from './lib/workflow-span.js';
export type { WorkflowTrace } from './lib/workflow-span.js';
export { inJobSpan } from './lib/job-span.js';
export type { JobSpanOptions, JobTrace } from './lib/job-span.js';
export { DeferredSpan } from './lib/deferred-span.js';
export type { DeferredSpanStart } from './lib/deferred-span.js';
export { inGenAiClientSpan } from './lib/genai-client-span.js';
export type { GenAiCallEnd, GenAiCallStart } from './lib/genai-client-span.js';
export { joinExpositions, serveMetrics } from './lib/serve-metrics.js';
export type { MetricsServer, MetricsSource } from './lib/serve-metrics.js';
