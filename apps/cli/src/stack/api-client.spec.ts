import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';

const FRAMES = [
  'id: 1-0\nevent: queued\ndata: {"type":"queued","at":10}\n\n',
  ': keep-alive\n\n',
  'id: 2-0\nevent: fork\ndata: {"type":"fork","at":25,"block":0,"threads":["1","2"]}\n\n',
  'data: not json\n\n',
  'id: 3-0\nevent: join\ndata: {"type":"join","at":40}\n\n',
  'id: 4-0\nevent: completed\ndata: {"type":"completed","at":50}\n\n',
];

/** An SSE server that serves FRAMES after Last-Event-ID; the first connection stops after `cut` frames. */
async function eventServer(cut: number, drop: 'end' | 'destroy') {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(request.headers);
    const after = String(request.headers['last-event-id'] ?? '');
    const start = after === '' ? 0 : FRAMES.findIndex((frame) => frame.startsWith(`id: ${after}\n`)) + 1;
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    const frames = seen.length === 1 ? FRAMES.slice(0, cut) : FRAMES.slice(start);
    response.write(frames.join(''), () => {
      if (seen.length === 1 && drop === 'destroy') response.destroy();
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('ApiClient.events', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('reads each event with its id, skipping comments and data that is no event', async () => {
    const server = await eventServer(FRAMES.length, 'end');
    close = server.close;
    const events = await new ApiClient(server.url, 'k').events('r1');
    expect(events).toEqual([
      { id: '1-0', type: 'queued', at: 10, data: { type: 'queued', at: 10 } },
      { id: '2-0', type: 'fork', at: 25, data: { type: 'fork', at: 25, block: 0, threads: ['1', '2'] } },
      { id: '3-0', type: 'join', at: 40, data: { type: 'join', at: 40 } },
      { id: '4-0', type: 'completed', at: 50, data: { type: 'completed', at: 50 } },
    ]);
    expect(server.seen.map((headers) => headers['last-event-id'])).toEqual([undefined]);
  });

  for (const drop of ['end', 'destroy'] as const) {
    it(`resumes a stream that ${drop === 'end' ? 'ended' : 'dropped'} early after the last event seen`, async () => {
      const server = await eventServer(3, drop);
      close = server.close;
      const seen: string[] = [];
      const events = await new ApiClient(server.url, 'k').events('r1', (event) => seen.push(event.id ?? '?'));
      expect(events.map((event) => event.id)).toEqual(['1-0', '2-0', '3-0', '4-0']);
      expect(seen).toEqual(['1-0', '2-0', '3-0', '4-0']);
      expect(server.seen.map((headers) => headers['last-event-id'])).toEqual([undefined, '2-0']);
    });
  }
});
