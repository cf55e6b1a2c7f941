// Lanes: requests spread over LANES key prefixes (one hash tag each), found by id alone; workers take
// the lanes WORKER_LANES names; cancellation crosses lanes.
import { setTimeout as sleep } from 'node:timers/promises';
import { laneOfKey, laneOfRequest, lanePrefix, requestKeys } from '@threadloom/contracts';
import type { SupervisedProcess } from '@threadloom/devstack';
import { RedisReasoningClient } from '@threadloom/queue';
import { renderUserPrompt } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { firstEvent } from './support/events.js';
import { unfinishedJobs } from './support/queue-counts.js';
import { startScriptedStack, type ScriptedStack } from './support/scripted-stack.js';
import { startWorker } from './support/stack.js';

const PREFIX = '{tl-lanes}';
const LANES = 3;
const model = 'scripted';

/** An idempotency key whose requests land in `lane` (the default tenant's). */
function keyInLane(lane: number, tag: string): string {
  for (let i = 0; ; i += 1) if (laneOfKey(`default\n${tag}-${i}`, LANES) === lane) return `${tag}-${i}`;
}

describe('lanes', () => {
  let s: ScriptedStack;
  let laneTwo: SupervisedProcess | undefined;

  beforeAll(async () => {
    s = await startScriptedStack(inject('redisUrl'), PREFIX, 1, { LANES: String(LANES), WORKER_LANES: '0,1' });
  });
  afterAll(async () => {
    await laneTwo?.stop(2_000);
    await s?.stop();
  });

  it("runs each lane's requests to the in-process runtime's text, every key in the request's lane", async () => {
    const { client, redis } = s.stack;
    for (const lane of [0, 1]) {
      const view = await client.submit(
        { prompt: renderUserPrompt(`normal lane ${lane}`), model },
        { idempotencyKey: keyInLane(lane, 'run') },
      );
      expect(laneOfRequest(view.id)).toBe(lane);
      const done = await client.waitForResult(view.id, { timeoutMs: 20_000 });
      expect(done.status).toBe('completed');
      expect(done.result?.text).toBe(await s.reference(`normal lane ${lane}`));
      const keys = await redis.keys(`*${view.id}*`);
      // A finished request keeps its record, checkpoint, events and thread results; its slot set empties
      // when the last thread releases its slot (before the join), and an empty ZSET is no key.
      const own = requestKeys(PREFIX, view.id);
      expect(keys.sort()).toEqual([own.record, own.checkpoint, own.events, own.threads].sort());
      for (const key of keys) expect(key.startsWith(`${lanePrefix(PREFIX, lane)}:`)).toBe(true);
      // Another client, whatever its lane count, finds the request from its id alone.
      const reader = await new RedisReasoningClient({ redisUrl: inject('redisUrl'), keyPrefix: PREFIX }).connect();
      expect((await reader.get(view.id))?.status).toBe('completed');
      await reader.close();
    }
  });

  it('leaves a lane no worker takes queued until a worker for it starts', async () => {
    const { client } = s.stack;
    const view = await client.submit(
      { prompt: renderUserPrompt('normal lane 2'), model },
      { idempotencyKey: keyInLane(2, 'wait') },
    );
    expect(laneOfRequest(view.id)).toBe(2);
    await sleep(1_500);
    expect((await client.get(view.id))?.status).toBe('queued');
    const options = { ...s.stack.options, workerEnv: { ...s.stack.options.workerEnv, WORKER_LANES: '2' } };
    laneTwo = await startWorker(options, 'lane2', 'reason,thread,join', s.engine.url);
    expect(laneTwo.readyLine).toContain(' lanes=2/3');
    const done = await client.waitForResult(view.id, { timeoutMs: 20_000 });
    expect(done.status).toBe('completed');
    expect(done.result?.text).toBe(await s.reference('normal lane 2'));
  });

  it('cancels a request of another lane: cancelled, and no job left in its lane', async () => {
    const { client } = s.stack;
    const view = await client.submit(
      { prompt: renderUserPrompt('slow cancel lane 1'), model },
      { idempotencyKey: keyInLane(1, 'cancel') },
    );
    await firstEvent(client, [view.id], (event) => event.type === 'thread_started');
    expect((await client.cancel(view.id))?.status).toBe('cancelled');
    await expect.poll(() => unfinishedJobs(inject('redisUrl'), lanePrefix(PREFIX, 1)), { timeout: 10_000 }).toBe(0);
    expect((await client.get(view.id))?.status).toBe('cancelled');
  });
});
