import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { engineLoadKey } from '@threadloom/contracts';
import { startRedisServer, type RunningRedis } from '@threadloom/devstack';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EnginePlacement } from './engine-placement.js';

const PREFIX = '{placement-spec}';

/** The engine's `/metrics` endpoint as vLLM exposes it; `status` other than 200 simulates an outage. */
function metricsEndpoint(): {
  server: Server;
  url: () => string;
  set(running: number, waiting: number, status?: number): void;
} {
  let body = '';
  let status = 200;
  const server = createServer((request, response) => {
    response.writeHead(request.url === '/metrics' ? status : 404, { 'content-type': 'text/plain' }).end(body);
  }).listen(0, '127.0.0.1');
  return {
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(running, waiting, nextStatus = 200) {
      body = `vllm:num_requests_running{model_name="m"} ${running}\nvllm:num_requests_waiting{model_name="m"} ${waiting}\n`;
      status = nextStatus;
    },
  };
}

describe('EnginePlacement', () => {
  let redis: RunningRedis;
  let client: Redis;
  const engine = metricsEndpoint();
  let placement: EnginePlacement | undefined;
  const warnings: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    client = new Redis(redis.url);
  });
  afterEach(async () => {
    await placement?.stop();
    await client.del(engineLoadKey(PREFIX));
    warnings.length = 0;
  });
  afterAll(async () => {
    client.disconnect();
    engine.server.close();
    await redis.stop();
  });

  const start = async (maxSeqs: number): Promise<EnginePlacement> => {
    placement = new EnginePlacement(
      client,
      { engineUrl: engine.url(), machineId: 'm1', maxSeqs, pollMs: 10_000, keyPrefix: PREFIX },
      (m) => warnings.push(m),
    );
    await placement.start();
    return placement;
  };

  it('publishes its free slots and starts jobs while its engine has room, counting each one', async () => {
    engine.set(2, 0);
    await client.hset(engineLoadKey(PREFIX), 'm2', `5 ${Date.now()}`);
    const placed = await start(4);
    expect((await client.hget(engineLoadKey(PREFIX), 'm1'))?.split(' ')[0]).toBe('2');
    expect([placed.admit(), placed.admit(), placed.admit()]).toEqual([true, true, false]);
  });

  it('hands jobs back while its engine is full and another machine has room, not when none has', async () => {
    engine.set(3, 1);
    await client.hset(engineLoadKey(PREFIX), 'm2', `0 ${Date.now()}`);
    expect((await start(4)).admit()).toBe(true);
    await placement?.stop();
    await client.hset(engineLoadKey(PREFIX), 'm2', `1 ${Date.now()}`);
    expect((await start(4)).admit()).toBe(false);
  });

  it('fails open when the engine exposes no load: every job starts', async () => {
    engine.set(4, 4, 503);
    await client.hset(engineLoadKey(PREFIX), 'm2', `8 ${Date.now()}`);
    const placed = await start(4);
    expect([placed.admit(), placed.admit()]).toEqual([true, true]);
  });

  it('removes its entry when stopped', async () => {
    engine.set(0, 0);
    await (await start(4)).stop();
    expect(await client.hexists(engineLoadKey(PREFIX), 'm1')).toBe(0);
  });
});
