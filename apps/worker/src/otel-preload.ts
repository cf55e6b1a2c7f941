// Loaded with `node --import` before the worker (and Nest) so the OpenTelemetry SDK is registered first.
// Without OTEL_* exporter settings this loads nothing and tracing costs nothing.
import { startTelemetry } from '@threadloom/telemetry';

await startTelemetry({ serviceName: 'threadloom-worker' });
