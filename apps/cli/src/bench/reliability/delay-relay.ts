import { createConnection, createServer, type Socket } from 'node:net';
import { once } from 'node:events';

/** Where a relay listens and forwards to, and the one-way delay it adds per client. */
interface DelayRelayOptions {
  /** Address to listen on (port chosen by the kernel). */
  readonly host: string;
  readonly target: { readonly host: string; readonly port: number };
  /** One-way delay (ms) for a client by its address; 0 forwards it untouched. */
  delayFor(remoteAddress: string): number;
}

/** A running relay. */
export interface DelayRelay {
  readonly port: number;
  /** Connections accepted so far that were delayed (the rest were forwarded untouched). */
  delayedConnections(): number;
  close(): Promise<void>;
}

/**
 * A TCP relay adding a fixed delay to every chunk in both directions, in order: the kernel here has no
 * netem, so the latency of a slow link between machines is made in user space (docs/reliability.md).
 */
export async function startDelayRelay(options: DelayRelayOptions): Promise<DelayRelay> {
  const sockets = new Set<Socket>();
  let delayed = 0;
  const server = createServer((client) => {
    const delayMs = options.delayFor(client.remoteAddress ?? '');
    if (delayMs > 0) delayed += 1;
    const upstream = createConnection(options.target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      // A side that fails takes the pair down, as a broken link would; a clean end is forwarded in order.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
    forward(client, upstream, delayMs);
    forward(upstream, client, delayMs);
  });
  server.listen(0, options.host);
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    delayedConnections: () => delayed,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** Copies `from` to `to`, each chunk written `delayMs` after it arrived, in arrival order, with back-pressure. */
function forward(from: Socket, to: Socket, delayMs: number): void {
  if (delayMs <= 0) {
    from.pipe(to);
    return;
  }
  const queue: { readonly chunk: Buffer; readonly due: number }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const flush = (): void => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.due <= now) {
      if (!to.write(queue.shift()!.chunk)) {
        from.pause();
        to.once('drain', () => from.resume());
      }
    }
    if (queue.length > 0) timer = setTimeout(flush, queue[0]!.due - now);
    else if (ended) to.end();
  };
  from.on('data', (chunk: Buffer) => {
    queue.push({ chunk, due: performance.now() + delayMs });
    timer ??= setTimeout(flush, delayMs);
  });
  from.on('end', () => {
    ended = true;
    if (timer === undefined) flush();
  });
}
