import { readRedisUsage, usageDelta, type RedisUsageDelta } from '@threadloom/devstack';
import { startCommandTally, type CommandTally } from './command-tally.js';
import { scriptNamesBySha } from './script-names.js';

/** Where to measure: one dedicated redis-server that nothing else uses meanwhile. */
export interface RedisUnderTest {
  /** `redis://…` for the MONITOR connection. */
  readonly url: string;
  /** `host:port` for `INFO` readings. */
  readonly node: string;
}

/** Runs a batch of requests and resolves with how many it completed. */
type RequestBatch = () => Promise<number>;

/** What one request cost Redis, averaged over batches. */
export interface RedisPerRequest {
  /** Requests in the counted batch. */
  readonly requests: number;
  /** INFO deltas over the counted batch (calls include commands run inside scripts). */
  readonly counted: RedisUsageDelta;
  /** Seconds the counted batch took (idle polling during it is part of the cost). */
  readonly seconds: number;
  /** Requests in the monitored batch. */
  readonly monitoredRequests: number;
  /** Who sent what, from MONITOR over a second batch. */
  readonly tally: CommandTally;
}

/**
 * Redis commands and CPU per request: `INFO commandstats`/`cpu` deltas over one batch on a dedicated server,
 * divided by its requests, then a second batch under MONITOR (which slows the server, so it is not timed)
 * to split client-sent commands from those run inside Lua scripts and name each script.
 */
export async function measureRedisPerRequest(redis: RedisUnderTest, batch: RequestBatch): Promise<RedisPerRequest> {
  const before = await readRedisUsage(redis.node);
  const started = performance.now();
  const requests = await batch();
  const seconds = (performance.now() - started) / 1000;
  const counted = usageDelta(before, await readRedisUsage(redis.node));
  const monitored = await tallied(redis.url, batch);
  return { requests, counted, seconds, monitoredRequests: monitored.requests, tally: monitored.tally };
}

async function tallied(url: string, batch: RequestBatch): Promise<{ requests: number; tally: CommandTally }> {
  const running = await startCommandTally(url, scriptNamesBySha());
  const requests = await batch().catch((error: unknown) => {
    running.stop();
    throw error;
  });
  return { requests, tally: running.stop() };
}
