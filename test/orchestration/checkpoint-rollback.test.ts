// Redis that loses acknowledged writes (SIGKILL with appendfsync everysec, a failover to a lagging
// replica) comes back at an older checkpoint while worker processes still hold what it lost, and some
// of their writes are still on the way. Here the rollback is made by hand (the keys are put back as
// they were), then the lost step is redone differently: the store must serve and keep what Redis has.
import { RequestStore, type Checkpoint, type StoredThread } from '@threadloom/queue';
import { startOrchestration } from '@threadloom/threading';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const PREFIX = '{tl-rollback}';

describe('a checkpoint Redis lost and saw saved again', () => {
  let redis: Redis;
  /** Two worker processes: each has its own checkpoint cache. */
  let workerA: RequestStore;
  let workerB: RequestStore;

  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
    workerA = new RequestStore(redis, PREFIX);
    workerB = new RequestStore(redis, PREFIX);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('is served as saved again, not from the cache of a worker that read the lost save', async () => {
    const id = await create(workerA, 'cache');
    const before = await keep(redis, workerA, id);
    expect(await workerA.saveCheckpoint(id, 0, checkpoint(1, 'lost text'))).toBe('saved');
    expect((await workerA.snapshot(id))?.checkpoint?.state.response).toBe('lost text');
    await before.restore();
    expect(await workerB.saveCheckpoint(id, 0, checkpoint(1, 'redone text'))).toBe('saved');
    expect((await workerA.snapshot(id))?.checkpoint?.state.response).toBe('redone text');
    // The cache still serves an unchanged save: the stored JSON replaced behind the store's back is not read.
    await redis.set(workerA.keys(id).checkpoint, JSON.stringify(checkpoint(1, 'not read')));
    expect((await workerA.snapshot(id))?.checkpoint?.state.response).toBe('redone text');
  });

  it('is not served from a cache when a worker from before revisions saved a new version', async () => {
    const id = await create(workerA, 'upgrade');
    await workerA.saveCheckpoint(id, 0, checkpoint(1, 'stamped'));
    expect((await workerA.snapshot(id))?.checkpoint?.state.response).toBe('stamped');
    // The old save script: version and checkpoint move on, the revision field stays as it was.
    await redis.set(workerA.keys(id).checkpoint, JSON.stringify(checkpoint(2, 'unstamped')));
    await redis.hset(workerA.keys(id).record, 'version', '2');
    expect((await workerA.snapshot(id))?.checkpoint?.state.response).toBe('unstamped');
  });

  it('refuses a step computed from the lost save once its version is redone', async () => {
    const id = await create(workerA, 'step');
    const before = await keep(redis, workerA, id);
    await workerA.saveCheckpoint(id, 0, checkpoint(1, 'lost step'));
    const lost = (await workerA.snapshot(id))?.revision;
    await before.restore();
    await workerB.saveCheckpoint(id, 0, checkpoint(1, 'redone step'));
    const redone = (await workerB.snapshot(id))?.revision;
    // A job that read the lost version 1 finishes its engine call after the redo saved version 1 again.
    expect(await workerA.saveCheckpoint(id, 1, checkpoint(2, 'after lost'), lost)).toBe('stale');
    expect(await workerB.saveCheckpoint(id, 1, checkpoint(2, 'after redone'), redone)).toBe('saved');
    expect((await workerA.loadCheckpoint(id))?.state.response).toBe('after redone');
  });

  it('refuses a thread result computed for the lost fork and takes the redone fork’s', async () => {
    const id = await create(workerA, 'thread');
    const before = await keep(redis, workerA, id);
    await workerA.saveCheckpoint(id, 0, checkpoint(1, 'lost fork'));
    const lostFork = (await workerA.snapshot(id))?.revision;
    await before.restore();
    await workerB.saveCheckpoint(id, 0, checkpoint(1, 'redone fork'));
    const redoneFork = (await workerB.snapshot(id))?.revision;
    expect(redoneFork).not.toBe(lostFork);
    const event = { type: 'thread_finished', data: {} };
    expect(await workerA.putThreadWithEvent(id, { block: 0, index: 0, fork: lostFork }, thread('late'), event)).toBe(
      false,
    );
    expect((await workerA.getThreads(id, 0, 1))[0]).toBeUndefined();
    expect(await eventTypes(redis, workerA, id)).not.toContain('thread_finished');
    expect(await workerB.putThreadWithEvent(id, { block: 0, index: 0, fork: redoneFork }, thread('own'), event)).toBe(
      true,
    );
    expect((await workerA.getThreads(id, 0, 1))[0]?.result?.text).toBe('own');
  });

  it('keeps the thread texts a redone join reads when the lost join blanks them late', async () => {
    const id = await create(workerA, 'join');
    await workerA.saveCheckpoint(id, 0, checkpoint(1, 'fork of block 0'));
    const fork = (await workerA.snapshot(id))?.revision;
    await workerA.putThreadWithEvent(id, { block: 0, index: 0, fork }, thread('alpha'), {
      type: 'thread_finished',
      data: {},
    });
    const before = await keep(redis, workerA, id);
    expect(await workerA.saveCheckpoint(id, 1, checkpoint(2, 'joined'))).toBe('saved');
    await before.restore();
    // The lost join's blanking reaches Redis after the restart (ioredis queued it while Redis was down).
    const blanked = new Map([[0, thread('')]]);
    expect(await workerA.putJoinedThreads(id, 0, 1, blanked)).toBe(false);
    expect((await workerB.getThreads(id, 0, 1))[0]?.result?.text).toBe('alpha');
    expect(await workerB.saveCheckpoint(id, 1, checkpoint(2, 'joined again'))).toBe('saved');
    expect(await workerB.putJoinedThreads(id, 0, 1, blanked)).toBe(true);
    expect((await workerB.getThreads(id, 0, 1))[0]?.result?.text).toBe('');
  });
});

async function create(store: RequestStore, name: string): Promise<string> {
  const id = `${name}-${Date.now().toString(36)}`;
  await store.create({ id, fields: { parameters: '{}' }, checkpoint: checkpoint(0, ''), now: Date.now() });
  return id;
}

function checkpoint(version: number, response: string): Checkpoint {
  const step = startOrchestration('What is 6 × 7?');
  return { version, state: { ...step.state, response }, action: step.action };
}

function thread(text: string): StoredThread {
  const now = Date.now();
  return {
    number: '1.1',
    status: 'completed',
    result: { text, finishReason: 'stop', stopReason: '</Thread>', completionTokens: 3 },
    queueWaitMs: 0,
    timeToFirstTokenMs: 1,
    decodeMs: 2,
    machine: 'm0',
    attempts: 1,
    startedAt: now,
    finishedAt: now,
  };
}

/** The request's record, checkpoint and threads as they are now, and a way to put them back (the rollback). */
async function keep(redis: Redis, store: RequestStore, id: string): Promise<{ restore(): Promise<void> }> {
  const keys = store.keys(id);
  const record = await redis.hgetall(keys.record);
  const saved = await redis.get(keys.checkpoint);
  const threads = await redis.hgetall(keys.threads);
  return {
    restore: async () => {
      await redis.del(keys.record, keys.checkpoint, keys.threads);
      await redis.hset(keys.record, record);
      if (saved !== null) await redis.set(keys.checkpoint, saved);
      if (Object.keys(threads).length > 0) await redis.hset(keys.threads, threads);
    },
  };
}

async function eventTypes(redis: Redis, store: RequestStore, id: string): Promise<string[]> {
  const entries = await redis.xrange(store.keys(id).events, '-', '+');
  return entries.map(([, fields]) => fields[fields.indexOf('type') + 1] ?? '');
}
