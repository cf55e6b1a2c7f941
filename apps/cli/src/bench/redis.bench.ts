import { setTimeout as sleep } from 'node:timers/promises';
import { readRedisUsage, startRedisServer, usageDelta } from '@threadloom/devstack';
import { startQueueStack } from '../stack/queue-stack.js';
import type { BenchOptions, BenchOutput, BenchSuite } from './bench-suite.js';
import { measureBullmqFloor } from './bullmq-floor.js';
import { bullmqFloorLines } from './bullmq-floor-report.js';
import { runFork4Waves, type WaveSizes } from './fork4-waves.js';
import { writeFork4Corpus } from './orchestration-corpus.js';
import { measureRedisPerRequest, type RedisUnderTest } from './redis-per-request.js';
import { redisPerRequestLines } from './redis-per-request-report.js';

const FULL: WaveSizes = { total: 60, wave: 6 };
const QUICK: WaveSizes = { total: 12, wave: 4 };
const KEY_PREFIX = '{threadloom-bench-redis}';
const IDLE_MS = 3_000;

/**
 * `threadloom bench redis`: Redis commands and CPU per 4-thread request (issue 17) on a dedicated redis-server,
 * the demo's fleet shape (3 simulated machines with reason+thread workers, one join worker), simulator time scale 0.
 */
export const REDIS_BENCH: BenchSuite = {
  name: 'redis',
  description: 'Redis commands and Redis CPU per 4-thread request, by command and by Lua script',
  async run(output: BenchOutput, options?: BenchOptions): Promise<void> {
    const sizes = options?.quick === true ? QUICK : FULL;
    const redis = await startRedisServer();
    const corpus = writeFork4Corpus();
    const node = `127.0.0.1:${String(redis.port)}`;
    try {
      const commandsPerRequest = await measureFleet(output, { url: redis.url, node }, corpus.path, sizes);
      // After the fleet stopped, so that only BullMQ's own commands reach the server.
      const floor = await measureBullmqFloor({ url: redis.url, node }, sizes.total);
      for (const line of bullmqFloorLines(floor, commandsPerRequest)) output.line(line);
    } finally {
      corpus.remove();
      await redis.stop();
    }
  },
};

/** The runtime's commands per request on the fleet; prints the breakdown and returns the total per request. */
async function measureFleet(
  output: BenchOutput,
  redis: RedisUnderTest,
  corpus: string,
  sizes: WaveSizes,
): Promise<number> {
  const stack = await startQueueStack({
    machines: 3,
    timeScale: 0,
    redisUrl: redis.url,
    corpus,
    concurrency: 32,
    keyPrefix: KEY_PREFIX,
  });
  try {
    const batch = (): Promise<number> => runFork4Waves(stack.driver, redis.url, KEY_PREFIX, sizes);
    await runFork4Waves(stack.driver, redis.url, KEY_PREFIX, { total: sizes.wave, wave: sizes.wave });
    const idle = await idleRate(redis.node);
    const measured = await measureRedisPerRequest(redis, batch);
    for (const line of redisPerRequestLines(measured, `4-thread requests in waves of ${sizes.wave}`)) output.line(line);
    output.line(
      `  idle fleet between requests: ${idle.toFixed(1)} commands/s (${((idle * measured.seconds) / measured.requests).toFixed(1)} per request at this pace, included above)`,
    );
    return measured.counted.calls / measured.requests;
  } finally {
    await stack.stop();
  }
}

/** Commands per second the fleet sends while no request is in flight (polling, timers). */
async function idleRate(node: string): Promise<number> {
  const before = await readRedisUsage(node);
  await sleep(IDLE_MS);
  return usageDelta(before, await readRedisUsage(node)).calls / (IDLE_MS / 1000);
}
