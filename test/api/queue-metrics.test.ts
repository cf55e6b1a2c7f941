// The API's /metrics carries BullMQ's job counts of every lane, one `lane` label each, so the KEDA
// backlog query (sum over lanes of the max per queue, state and lane) counts every waiting request once.
import { laneOfKey } from '@threadloom/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

const LANES = 3;
// Requests per lane, uneven so that the largest lane alone (what `max by (queue, state)` kept) is not the sum.
const PER_LANE = [1, 2, 3] as const;

interface Series {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

function jobCounts(text: string): Series[] {
  return [...text.matchAll(/^bullmq_job_count\{([^}]*)\} (\S+)$/gm)].map((match) => ({
    labels: Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1]!, pair[2]!])),
    value: Number(match[2]),
  }));
}

/** Idempotency keys of tenant acme (alice's), `count` of them landing in `lane`. */
function keysInLane(lane: number, count: number): string[] {
  const keys: string[] = [];
  for (let i = 0; keys.length < count; i += 1)
    if (laneOfKey(`acme\nlane-metrics-${i}`, LANES) === lane) keys.push(`lane-metrics-${i}`);
  return keys;
}

describe('API queue metrics with several lanes', () => {
  let api: ApiProcess;
  const alice = { Authorization: bearer(KEYS.alice) };

  beforeAll(async () => {
    // No workers: submitted requests stay waiting in their lane's reason queue.
    api = await startApi(inject('redisUrl'), '{tl-api-lane-metrics}', { LANES: String(LANES) });
  });
  afterAll(async () => {
    await api?.process.stop();
  });

  it('labels each lane and sums to every waiting request', async () => {
    for (const [lane, count] of PER_LANE.entries())
      for (const key of keysInLane(lane, count)) {
        const submitted = await request(api.url)
          .post('/v1/reasoning')
          .set({ ...alice, 'Idempotency-Key': key })
          .send({ prompt: `lane ${lane}`, model: MODEL });
        expect(submitted.status).toBe(202);
        expect(submitted.body.id).toMatch(lane === 0 ? /^[0-9a-f-]{36}$/ : new RegExp(`^l${lane}-`));
      }
    const series = jobCounts((await request(api.url).get('/metrics')).text);
    for (const queue of ['reason', 'thread', 'join'])
      expect(
        series
          .filter((s) => s.labels['queue'] === queue && s.labels['state'] === 'waiting')
          .map((s) => s.labels['lane'])
          .sort(),
      ).toEqual(['0', '1', '2']);
    const backlog = series.filter(
      (s) => s.labels['queue'] === 'reason' && ['waiting', 'prioritized'].includes(s.labels['state']!),
    );
    const perLane = [0, 1, 2].map((lane) =>
      backlog.filter((s) => s.labels['lane'] === String(lane)).reduce((sum, s) => sum + s.value, 0),
    );
    expect(perLane).toEqual([...PER_LANE]);
  });
});
