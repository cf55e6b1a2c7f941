// Loaded with `node --import` before the simulator so the OpenTelemetry SDK is registered first. Like
// vLLM with --otlp-traces-endpoint, the simulator then emits an `llm_request` span per request under
// the caller's `traceparent`. Without OTEL_* exporter settings this loads nothing.
import { startTelemetry } from '@threadloom/telemetry';

await startTelemetry({ serviceName: 'threadloom-engine-sim' });
