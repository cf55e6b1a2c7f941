// Redis memory of an in-flight request follows its trajectory (stored once), not threads × context.
import { setTimeout as sleep } from 'node:timers/promises';
import { renderUserPrompt } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { firstEvent } from './support/events.js';
import { startScriptedStack, type ScriptedStack } from './support/scripted-stack.js';

const PREFIX = '{tl-footprint}';

async function requestBytes(s: ScriptedStack, id: string): Promise<number> {
  const { redis } = s.stack;
  let total = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}*${id}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) total += (await redis.memory('USAGE', key)) ?? 0;
  } while (cursor !== '0');
  return total;
}

describe('Redis footprint', () => {
  let s: ScriptedStack;

  beforeAll(async () => {
    s = await startScriptedStack(inject('redisUrl'), PREFIX, 2, { THREAD_CONCURRENCY: '8' });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('stores the context once while 8 threads are in flight', async () => {
    const prompt = renderUserPrompt(`wide ${'context '.repeat(6_000)}`);
    const { client } = s.stack;
    const view = await client.submit({ prompt, model: 'scripted' });
    await firstEvent(client, [view.id], (event) => event.type === 'thread_started');
    await sleep(300);
    const bytes = await requestBytes(s, view.id);
    const threads = 8;
    expect(bytes).toBeGreaterThan(prompt.length);
    expect(bytes).toBeLessThan(2 * prompt.length + 64 * 1024);
    expect(bytes).toBeLessThan((threads * prompt.length) / 2);
    const done = await client.waitForResult(view.id, { timeoutMs: 30_000 });
    expect(done.status, done.error).toBe('completed');
  });
});
