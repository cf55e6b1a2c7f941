import { setTimeout as sleep } from 'node:timers/promises';
import { liveRequestsKey } from '@threadloom/contracts';
import { renderUserPrompt } from '@threadloom/threading';
import { Redis } from 'ioredis';
import type { ReasoningDriver } from '../stack/reasoning-driver.js';
import { OrchestrationBenchError } from './orchestration-bench.error.js';
import { FORK4_PROBLEM } from './orchestration-corpus.js';

/** How a batch of 4-thread requests is sent: `total` requests, `wave` submitted at once. */
export interface WaveSizes {
  readonly total: number;
  readonly wave: number;
}

const POLL_MS = 100;
const WAVE_TIMEOUT_MS = 120_000;

/**
 * Submits the 4-thread probe in waves and waits for each wave on the lane's live set (one ZCARD per 100 ms
 * for the whole wave, so following requests costs next to nothing), then reads every request once and
 * checks it completed. Resolves with the number of requests.
 */
export async function runFork4Waves(
  driver: ReasoningDriver,
  redisUrl: string,
  keyPrefix: string,
  sizes: WaveSizes,
): Promise<number> {
  const watcher = new Redis(redisUrl, { maxRetriesPerRequest: null });
  try {
    for (let sent = 0; sent < sizes.total; sent += sizes.wave) {
      const count = Math.min(sizes.wave, sizes.total - sent);
      const prompt = renderUserPrompt(FORK4_PROBLEM);
      const views = await Promise.all(Array.from({ length: count }, () => driver.submit({ prompt, mode: 'parallel' })));
      await untilNoneLive(watcher, liveRequestsKey(keyPrefix, 0));
      for (const { id } of views) {
        const view = await driver.get(id);
        if (view.status !== 'completed') throw new OrchestrationBenchError(id, `${view.status}: ${view.error ?? ''}`);
      }
    }
  } finally {
    watcher.disconnect();
  }
  return sizes.total;
}

async function untilNoneLive(redis: Redis, liveKey: string): Promise<void> {
  const deadline = Date.now() + WAVE_TIMEOUT_MS;
  while ((await redis.zcard(liveKey)) > 0) {
    if (Date.now() > deadline) throw new OrchestrationBenchError(liveKey, 'requests still live after 120 s');
    await sleep(POLL_MS);
  }
}
