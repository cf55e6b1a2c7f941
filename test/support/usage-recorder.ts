// A pass-through HTTP proxy in front of an engine that records what the engine itself reported for every
// /v1/completions call: the request body and the `usage` of the response (JSON or the last SSE usage chunk).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sseData } from './sse-data.js';

/** One engine call as it crossed the wire. */
export interface RecordedCall {
  readonly prompt: string;
  readonly stop: readonly string[];
  readonly usage: {
    readonly prompt_tokens: number;
    readonly completion_tokens: number;
    readonly prompt_tokens_details?: { readonly cached_tokens?: number } | null;
  };
}

export interface UsageRecorder {
  readonly url: string;
  readonly calls: RecordedCall[];
  close(): Promise<void>;
}

/** Decides, from a completion request's body, whether the engine should fail it (via the simulator's fault header). */
type FaultPlan = (body: { prompt: string; stop?: string[] | null }) => '500' | undefined;

/** Starts the proxy on a free port in front of `target` (an engine base URL); `fault` may make calls fail. */
export async function startUsageRecorder(target: string, fault?: FaultPlan): Promise<UsageRecorder> {
  const calls: RecordedCall[] = [];
  const server = createServer((request, response) => {
    void forward(target, request, response, calls, fault).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function forward(
  target: string,
  request: IncomingMessage,
  response: ServerResponse,
  calls: RecordedCall[],
  fault: FaultPlan | undefined,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
  if (fault !== undefined && request.url?.startsWith('/v1/completions') === true) {
    const kind = fault(JSON.parse(body.toString('utf8')) as { prompt: string; stop?: string[] | null });
    if (kind !== undefined) headers.set('x-sim-fault', kind);
  }
  const upstream = await fetch(`${target}${request.url ?? '/'}`, {
    method: request.method ?? 'GET',
    headers,
    ...(body.length > 0 ? { body } : {}),
  });
  response.writeHead(upstream.status, Object.fromEntries(upstream.headers));
  let text = '';
  const decoder = new TextDecoder();
  if (upstream.body !== null) {
    for await (const chunk of upstream.body) {
      text += decoder.decode(chunk, { stream: true });
      response.write(chunk);
    }
  }
  response.end();
  if (request.url?.startsWith('/v1/completions') === true && upstream.ok) record(calls, body.toString('utf8'), text);
}

function record(calls: RecordedCall[], requestBody: string, responseText: string): void {
  const sent = JSON.parse(requestBody) as { prompt: string; stop?: string[] | null };
  const usage = lastUsage(responseText);
  if (usage !== undefined) calls.push({ prompt: sent.prompt, stop: sent.stop ?? [], usage });
}

function lastUsage(text: string): RecordedCall['usage'] | undefined {
  const payloads = text.trimStart().startsWith('{') ? [text] : sseData(text).filter((data) => data !== '[DONE]');
  let usage: RecordedCall['usage'] | undefined;
  for (const payload of payloads) usage = (JSON.parse(payload) as { usage?: RecordedCall['usage'] }).usage ?? usage;
  return usage;
}
