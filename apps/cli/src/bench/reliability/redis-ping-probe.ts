#!/usr/bin/env node
// Times Redis PINGs one after another over one TCP connection and prints the round trips (ms) as JSON.
// Scenario 3 runs it inside a machine's network namespace (`ip netns exec`), so it measures that
// machine's path to Redis. Usage: redis-ping-probe <host> <port> <count>.
import { once } from 'node:events';
import { createConnection } from 'node:net';

const [host = '127.0.0.1', port = '6379', count = '20'] = process.argv.slice(2);
const socket = createConnection({ host, port: Number(port) });
socket.setNoDelay(true);
await once(socket, 'connect');
let received = '';
let answered: (() => void) | undefined;
socket.on('data', (chunk: Buffer) => {
  received += chunk.toString();
  if (!received.endsWith('\r\n')) return;
  received = '';
  answered?.();
});
const roundTrips: number[] = [];
for (let index = 0; index < Number(count); index += 1) {
  const started = performance.now();
  const pong = new Promise<void>((resolve) => (answered = resolve));
  socket.write('PING\r\n');
  await pong;
  roundTrips.push(performance.now() - started);
}
socket.end();
process.stdout.write(`${JSON.stringify({ roundTripsMs: roundTrips })}\n`);
