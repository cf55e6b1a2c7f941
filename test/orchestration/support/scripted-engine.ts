// A tiny scripted vLLM-compatible streaming /v1/completions server for failure scenarios the simulator cannot force.
// The scenario is chosen by a keyword in the problem; replies depend only on the prompt, so every
// runtime (and every retry) sees the same outputs.
import { setTimeout as sleep } from 'node:timers/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  readonly text: string;
  readonly finish: 'stop' | 'length';
  readonly stopReason: string | null;
  /** An HTTP error status instead of a completion. */
  readonly status?: number;
  /** Wall milliseconds spread over the streamed chunks. */
  readonly durationMs?: number;
}

export interface ScriptedRequest {
  readonly prompt: string;
  readonly stop: readonly string[];
  readonly maxTokens: number;
  readonly thread: string | null;
}

/** What the server saw: for assertions on budgets, concurrency and aborts. */
interface EngineLog {
  readonly requests: ScriptedRequest[];
  /** Thread requests in flight, by problem keyword, at their peak. */
  readonly peakThreads: Map<string, number>;
  /** Wall-clock times at which a streaming client went away before the end. */
  readonly aborts: number[];
}

export interface ScriptedEngine {
  readonly url: string;
  readonly log: EngineLog;
  close(): Promise<void>;
}

const THREAD_HEADER = /\n?<Thread>\n([0-9.]+):$/;

/** Starts the server; `script` maps each request to a reply. */
export async function startScriptedEngine(
  script: (request: ScriptedRequest) => ScriptedReply,
): Promise<ScriptedEngine> {
  const log: EngineLog = { requests: [], peakThreads: new Map(), aborts: [] };
  const running = new Map<string, number>();
  const server = createServer((req, res) => {
    void handle(req, res, script, log, running);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  script: (r: ScriptedRequest) => ScriptedReply,
  log: EngineLog,
  running: Map<string, number>,
): Promise<void> {
  if (req.method !== 'POST') {
    // Only completions are scripted; a model card read (GET /v1/models) finds none, as from an engine that does not say.
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not scripted"}}');
    return;
  }
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  const body = parseBody(raw);
  if (body === undefined) {
    // A client that aborted mid-upload leaves an empty or cut body: answer like an engine would, never throw.
    if (!res.writableEnded)
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"bad body"}}');
    return;
  }
  const thread = THREAD_HEADER.exec(body.prompt)?.[1] ?? null;
  const request: ScriptedRequest = { prompt: body.prompt, stop: body.stop ?? [], maxTokens: body.max_tokens, thread };
  log.requests.push(request);
  const reply = script(request);
  if (reply.status !== undefined) {
    res
      .writeHead(reply.status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { message: `scripted HTTP ${reply.status}` } }));
    return;
  }
  const key = keyword(body.prompt);
  if (thread !== null) {
    running.set(key, (running.get(key) ?? 0) + 1);
    log.peakThreads.set(key, Math.max(log.peakThreads.get(key) ?? 0, running.get(key)!));
  }
  try {
    await stream(res, reply, log);
  } finally {
    if (thread !== null) running.set(key, running.get(key)! - 1);
  }
}

/** The scenario keyword: the first word of the problem. */
export function keyword(prompt: string): string {
  return /<\|im_start\|>user\n(\S+)/.exec(prompt)?.[1] ?? '';
}

function usage(reply: ScriptedReply): { completion_tokens: number; prompt_tokens: number } {
  return { completion_tokens: Math.max(1, Math.ceil(reply.text.length / 4)), prompt_tokens: 10 };
}

async function stream(res: ServerResponse, reply: ScriptedReply, log: EngineLog): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const pieces = reply.text.match(/[\s\S]{1,8}/g) ?? [''];
  const pause = (reply.durationMs ?? 0) / pieces.length;
  let gone = false;
  res.once('close', () => {
    if (!res.writableFinished) {
      gone = true;
      log.aborts.push(Date.now());
    }
  });
  for (const [index, piece] of pieces.entries()) {
    if (gone) return;
    const last = index === pieces.length - 1;
    res.write(
      `data: ${JSON.stringify({ choices: [{ index: 0, text: piece, finish_reason: last ? reply.finish : null, stop_reason: last ? reply.stopReason : null }] })}\n\n`,
    );
    await sleep(pause);
  }
  res.end(`data: ${JSON.stringify({ choices: [], usage: usage(reply) })}\n\ndata: [DONE]\n\n`);
}

function parseBody(raw: string): { prompt: string; stop: string[] | null; max_tokens: number } | undefined {
  try {
    return JSON.parse(raw) as { prompt: string; stop: string[] | null; max_tokens: number };
  } catch {
    return undefined;
  }
}
