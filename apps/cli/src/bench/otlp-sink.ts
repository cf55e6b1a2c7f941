import { startOtlpEndpoint } from '@threadloom/devstack';

/** A local OTLP/HTTP endpoint that accepts every export and counts it (the bench's stand-in for a collector). */
interface OtlpSink {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT (exporters append /v1/traces). */
  readonly url: string;
  /** Export requests and body bytes received on /v1/traces so far. */
  counts(): { readonly exports: number; readonly bytes: number };
  close(): Promise<void>;
}

/** Starts the sink on a free loopback port; it reads each body to the end and answers as a collector does. */
export async function startOtlpSink(): Promise<OtlpSink> {
  let exports = 0;
  let bytes = 0;
  const endpoint = await startOtlpEndpoint(({ body }) => {
    exports += 1;
    bytes += body.length;
  });
  return { url: endpoint.url, counts: () => ({ exports, bytes }), close: () => endpoint.close() };
}
