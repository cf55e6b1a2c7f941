// Loaded with `node --import` before the API so the OpenTelemetry SDK (and its HTTP server
// instrumentation) is registered before Nest and express load. Without OTEL_* exporter settings this
// loads nothing and tracing costs nothing.
import { startTelemetry } from '@threadloom/telemetry';

await startTelemetry({
  serviceName: 'threadloom-api',
  instrumentHttpServer: true,
  asyncContext: true,
  ignorePaths: ['/metrics', '/healthz', '/readyz'],
});
