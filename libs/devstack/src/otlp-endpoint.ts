import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local OTLP/HTTP trace endpoint (a collector's stand-in for benches and tests). */
export interface OtlpEndpoint {
  /** Base URL for OTEL_EXPORTER_OTLP_ENDPOINT (exporters append /v1/traces). */
  readonly url: string;
  close(): Promise<void>;
}

/** One trace export as received: its body and whether it is OTLP's JSON encoding (else protobuf). */
export interface OtlpExportBody {
  readonly body: Buffer;
  readonly json: boolean;
}

/**
 * Starts an endpoint on a free loopback port that hands every POST /v1/traces body to `onExport` and answers,
 * as a collector does, with an empty ExportTraceServiceResponse in the request's own encoding (protobuf:
 * zero bytes), so exporters pay their full cost (serialization, HTTP round trip). Other paths get a 404.
 */
export async function startOtlpEndpoint(onExport: (received: OtlpExportBody) => void): Promise<OtlpEndpoint> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      const json = (request.headers['content-type'] ?? '').includes('json');
      onExport({ body: Buffer.concat(chunks), json });
      response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
      response.end(json ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
