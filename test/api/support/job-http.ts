// HTTP helpers for the API's job resources (batches, rollouts): streamed JSON-lines results, and polling.
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';

type Headers = Readonly<Record<string, string>>;

/** GETs a JSON-lines resource read whole (supertest does not buffer `application/jsonl` by itself). */
export async function getJsonLines(
  url: string,
  path: string,
  headers: Headers,
): Promise<{ status: number; contentType: string; lines: Record<string, unknown>[] }> {
  const response = await request(url)
    .get(path)
    .set(headers)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    });
  const lines = (response.body as string)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: response.status, contentType: String(response.headers['content-type']), lines };
}

/** Polls `GET path` until its `status` is one of `statuses` or `timeoutMs` passes; returns the last response. */
export async function waitForJobStatus(
  url: string,
  path: string,
  headers: Headers,
  statuses: readonly string[],
  { timeoutMs = 90_000, intervalMs = 250 } = {},
): Promise<request.Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(url).get(path).set(headers);
    if (statuses.includes(response.body.status as string) || Date.now() > deadline) return response;
    await sleep(intervalMs);
  }
}
