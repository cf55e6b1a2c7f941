import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Something that renders Prometheus text (a prom-client Registry, or several joined). */
export type MetricsSource = () => Promise<string>;

/** A running `/metrics` endpoint. */
export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves `GET /metrics` as Prometheus text on `port` (0 = any free port) and `host`. */
export async function serveMetrics(
  source: MetricsSource,
  port: number,
  host = '0.0.0.0',
  contentType = 'text/plain; version=0.0.4; charset=utf-8',
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    source().then(
      (text) => response.writeHead(200, { 'content-type': contentType }).end(text),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Joins Prometheus texts; HELP/TYPE lines of a metric name already seen are dropped (BullMQ renders them per queue). */
export function joinExpositions(texts: readonly string[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const header = /^# (HELP|TYPE) (\S+)/.exec(line);
      if (header !== null) {
        const key = `${header[1]} ${header[2]}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      if (line !== '') lines.push(line);
    }
  }
  return `${lines.join('\n')}\n`;
}
