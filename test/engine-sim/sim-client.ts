// Helpers for the engine-sim system tests: the real process (dist/main.js) and plain HTTP.
import { resolve } from 'node:path';
import { spawnNodeProcess } from '@threadloom/devstack';
import { sseData } from '../support/sse-data.js';

const MAIN = resolve(import.meta.dirname, '../../apps/engine-sim/dist/main.js');

/** Parsed JSON of unknown shape (tests assert on it). */
export type Json = ReturnType<typeof JSON.parse>;

/** A simulator process started for a test. */
export interface SimProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Spawns `node apps/engine-sim/dist/main.js --port 0 …args` and waits for the URL it prints. */
export async function startSim(args: readonly string[] = []): Promise<SimProcess> {
  const proc = await spawnNodeProcess(MAIN, { args: ['--port', '0', ...args], ready: /^http:\/\// });
  return { url: proc.readyLine.trim(), stop: () => proc.stop() };
}

/** POSTs JSON and returns status, headers and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Json }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed: Json = text === '' ? undefined : JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed };
}

/** Reads an SSE completion stream into its JSON chunks (and whether it ended with [DONE]). */
export async function postStream(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ chunks: Json[]; done: boolean }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ ...(body as object), stream: true }),
  });
  const events = sseData(await res.text());
  const done = events.at(-1) === '[DONE]';
  return { chunks: events.filter((e) => e !== '[DONE]').map((e): Json => JSON.parse(e)), done };
}

/** Reads one Prometheus sample value (first series of that name). */
export async function metricValue(url: string, name: string): Promise<number> {
  return (await metricValues(url, [name]))[0]!;
}

/** Reads several sample values from one scrape (so they are consistent with each other). */
export async function metricValues(url: string, names: readonly string[]): Promise<number[]> {
  const lines = (await (await fetch(`${url}/metrics`)).text()).split('\n');
  return names.map((name) => {
    const line = lines.find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
    return line ? Number(line.split(' ').at(-1)) : Number.NaN;
  });
}

/** Fields the orchestrator always sends (BRIEF decision 4): the engine client's own. */
export { VLLM_TEXT_MODE as TEXT_MODE } from '@threadloom/engine-client';
