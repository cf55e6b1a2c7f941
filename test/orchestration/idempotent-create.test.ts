// Idempotency keys are claimed together with the request they name (issue 12, hole 2): a submission
// whose creation or first enqueue fails leaves the key free, so a retry with the same key goes through.
import { renderUserPrompt } from '@threadloom/threading';
import { RedisReasoningClient } from '@threadloom/queue';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const PREFIX = '{tl-idem}';

/** The harness's Redis as an ACL user denied `commands`: real Redis refusing exactly those writes. */
async function clientDenied(admin: Redis, user: string, commands: string[]): Promise<RedisReasoningClient> {
  await admin.call(
    'ACL',
    'SETUSER',
    user,
    'reset',
    'on',
    'nopass',
    '~*',
    '&*',
    '+@all',
    ...commands.map((c) => `-${c}`),
  );
  const url = new URL(inject('redisUrl'));
  url.username = user;
  url.password = 'unused';
  return new RedisReasoningClient({ redisUrl: url.toString(), keyPrefix: PREFIX }).connect();
}

describe('idempotent submission', () => {
  const submission = (problem: string) => ({ prompt: renderUserPrompt(problem), model: 'threadweaver-sim' });
  let admin: Redis;
  let client: RedisReasoningClient;

  beforeAll(async () => {
    admin = new Redis(inject('redisUrl'));
    client = await new RedisReasoningClient({ redisUrl: inject('redisUrl'), keyPrefix: PREFIX }).connect();
  });
  afterAll(async () => {
    await client?.close();
    await admin.call('ACL', 'DELUSER', 'tl-no-record', 'tl-no-enqueue');
    const keys = await admin.keys(`${PREFIX}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  it('a failed creation does not keep the key: the retry creates the request', async () => {
    const broken = await clientDenied(admin, 'tl-no-record', ['hset']);
    await expect(broken.submit(submission('create fails'), { idempotencyKey: 'k-create' })).rejects.toThrow();
    await broken.close();
    const retried = await client.submit(submission('create fails'), { idempotencyKey: 'k-create' });
    expect(retried.status).toBe('queued');
    expect((await client.get(retried.id))?.id).toBe(retried.id);
  });

  it('a failed first enqueue releases the key and fails the orphan record', async () => {
    const broken = await clientDenied(admin, 'tl-no-enqueue', ['lpush', 'rpush']); // BullMQ's add pushes to `wait`
    await expect(broken.submit(submission('enqueue fails'), { idempotencyKey: 'k-enqueue' })).rejects.toThrow();
    await broken.close();
    const retried = await client.submit(submission('enqueue fails'), { idempotencyKey: 'k-enqueue' });
    expect(retried.status).toBe('queued');
    const records = await recordsWithKey('k-enqueue');
    expect(records.map((r) => r.status).sort()).toEqual(['failed', 'queued']);
    expect(records.find((r) => r.status === 'queued')?.id).toBe(retried.id);
  });

  async function recordsWithKey(key: string): Promise<{ id: string; status: string }[]> {
    const records = [];
    for (const redisKey of await admin.keys(`${PREFIX}:req:*`)) {
      if ((await admin.type(redisKey)) !== 'hash' || redisKey.split(':').length !== 3) continue;
      const [id, status, idem] = await admin.hmget(redisKey, 'id', 'status', 'idempotencyKey');
      if (idem === key) records.push({ id: id!, status: status! });
    }
    return records;
  }
});
