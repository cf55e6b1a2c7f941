import { SpanStatusCode, type Span } from '@opentelemetry/api';

/**
 * Runs `work` in `span` and ends the span however it went; a thrown error marks the span failed with its
 * message and class name (`error.type`, OpenTelemetry's convention) and is rethrown.
 */
export async function runInSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    span.setAttribute('error.type', error instanceof Error ? error.name : 'Error');
    throw error;
  } finally {
    span.end();
  }
}
