import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local OTLP/HTTP endpoint that accepts every export and counts it (the bench's stand-in for a collector). */
export interface OtlpSink {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT (exporters append /v1/traces). */
  readonly url: string;
  /** Export requests and body bytes received on /v1/traces so far. */
  counts(): { readonly exports: number; readonly bytes: number };
  close(): Promise<void>;
}

/**
 * Starts the sink on a free loopback port. It reads each body to the end and answers 200 with an empty
 * response, as a collector does, so exporters pay their full cost (serialization, HTTP round trip).
 */
export async function startOtlpSink(): Promise<OtlpSink> {
  let exports = 0;
  let bytes = 0;
  const server = createServer((request, response) => {
    let size = 0;
    request.on('data', (chunk: Buffer) => (size += chunk.length));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        exports += 1;
        bytes += size;
        // An empty ExportTraceServiceResponse in the request's own encoding (protobuf: zero bytes).
        const json = (request.headers['content-type'] ?? '').includes('json');
        response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
        response.end(json ? '{}' : '');
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ exports, bytes }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
