import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startDelayRelay, type DelayRelay } from './delay-relay.js';

const DELAY_MS = 40;

/** A real TCP echo server on loopback. */
async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.pipe(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  return { server, port: typeof address === 'object' && address !== null ? address.port : 0 };
}

async function connect(port: number): Promise<Socket> {
  const socket = createConnection({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  return socket;
}

/** Sends `text` and resolves with the time until `text.length` bytes came back. */
async function roundTrip(socket: Socket, text: string): Promise<{ ms: number; echoed: string }> {
  const started = performance.now();
  let echoed = '';
  const done = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer): void => {
      echoed += chunk.toString();
      if (echoed.length < text.length) return;
      socket.off('data', onData);
      resolve();
    };
    socket.on('data', onData);
  });
  socket.write(text);
  await done;
  return { ms: performance.now() - started, echoed };
}

describe('delay relay', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function relayTo(delayFor: (address: string) => number): Promise<DelayRelay> {
    const echo = await echoServer();
    cleanups.push(() => new Promise((resolve) => echo.server.close(() => resolve())));
    const relay = await startDelayRelay({
      host: '127.0.0.1',
      target: { host: '127.0.0.1', port: echo.port },
      delayFor,
    });
    cleanups.push(() => relay.close());
    return relay;
  }

  it('adds its delay each way and keeps the order of chunks sent apart', async () => {
    const relay = await relayTo(() => DELAY_MS);
    const socket = await connect(relay.port);
    cleanups.push(() => void socket.destroy());
    const first = await roundTrip(socket, 'ping');
    expect(first.echoed).toBe('ping');
    expect(first.ms).toBeGreaterThanOrEqual(2 * DELAY_MS - 1);
    // Chunks written 5 ms apart, each held DELAY_MS, come back whole and in order.
    const parts = Array.from({ length: 20 }, (_, index) => `<${String(index)}>`);
    const expected = parts.join('');
    const back = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.length >= expected.length) resolve(text);
      });
    });
    for (const part of parts) {
      socket.write(part);
      await sleep(5);
    }
    expect(await back).toBe(expected);
    expect(relay.delayedConnections()).toBe(1);
  });

  it('forwards a client it does not delay untouched', async () => {
    const relay = await relayTo(() => 0);
    const socket = await connect(relay.port);
    cleanups.push(() => void socket.destroy());
    // No upper bound on its time: a loaded machine may take any time; that it was not delayed is counted.
    const trip = await roundTrip(socket, 'ping');
    expect(trip.echoed).toBe('ping');
    expect(relay.delayedConnections()).toBe(0);
  });

  it('ends the client after the last delayed chunk when the server closes', async () => {
    const server = createServer((socket) => socket.end('bye'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const relay = await startDelayRelay({ host: '127.0.0.1', target: { host: '127.0.0.1', port }, delayFor: () => 20 });
    cleanups.push(() => relay.close());
    const socket = await connect(relay.port);
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await once(socket, 'end');
    expect(text).toBe('bye');
    socket.destroy();
  });
});
