import { IdempotencyConflictError, type ReasoningSubmission, type RequestView } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { ResourceNotFoundError } from '../common/errors/resource-not-found.error.js';
import { parseApiConfig } from '../config/api-config.js';
import { BacklogGate } from '../limits/backlog-gate.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import type { QueueInspector } from '../queues/queue-inspector.js';
import { InMemoryReasoningClient } from '../testing/in-memory-reasoning-client.js';
import type { JobRecord, JobStore } from './job-record.js';
import { JobsService } from './jobs.service.js';

const alice: Principal = { keyId: 'k1', tenant: 'alice', scopes: new Set(['submit', 'read']) };
const bob: Principal = { ...alice, keyId: 'k2', tenant: 'bob' };
const submission: ReasoningSubmission = { prompt: 'Add 3 and 4.', model: 'm', tenant: 'alice' };

/** The in-memory runtime, refusing the `failAt`-th submission and recording cancellations. */
class RecordingClient extends InMemoryReasoningClient {
  readonly cancelled: string[] = [];
  private submitted = 0;
  constructor(private readonly failAt = Number.POSITIVE_INFINITY) {
    super({ events: [], text: '\\boxed{7}' });
  }
  override submit(...args: Parameters<InMemoryReasoningClient['submit']>): Promise<RequestView> {
    return ++this.submitted === this.failAt ? Promise.reject(new Error('queue down')) : super.submit(...args);
  }
  override cancel(id: string): Promise<RequestView | undefined> {
    this.cancelled.push(id);
    return super.cancel(id);
  }
}

function setup(client: RecordingClient) {
  const config = parseApiConfig({ REDIS_URL: 'redis://127.0.0.1:1', API_AUTH_DISABLED: 'true', API_MAX_BACKLOG: '3' });
  if (!config.ok) throw new Error(config.issues.join('; '));
  const inspector = { backlog: () => Promise.resolve(0) } as unknown as QueueInspector;
  const metrics = new MetricsService();
  const records = new Map<string, JobRecord>();
  const store: JobStore<JobRecord> = {
    save: (record) => Promise.resolve(void records.set(record.id, record)),
    load: (id) => Promise.resolve(records.get(id)),
  };
  return { jobs: new JobsService(client, new BacklogGate(config.value, inspector, metrics), metrics), store, metrics };
}

async function submitted(metrics: MetricsService): Promise<Record<string, number>> {
  const { values } = await metrics.submissions.get();
  return Object.fromEntries(values.map((value) => [String(value.labels['outcome']), value.value]));
}

describe('JobsService', () => {
  it('derives an idempotent id from tenant and key, replays the same body and refuses a different one', async () => {
    const { jobs, store } = setup(new RecordingClient());
    const fresh = await jobs.start('batch', store, alice, { lines: 1 }, undefined);
    expect(fresh).toEqual({ id: expect.stringMatching(/^batch_[0-9a-f]{32}$/) });
    const keyed = await jobs.start('batch', store, alice, { lines: 1 }, 'key-1');
    if ('replay' in keyed) throw new Error('nothing stored yet');
    const record = { id: keyed.id, tenant: 'alice', createdAt: 1, ...(keyed.bodyHash && { bodyHash: keyed.bodyHash }) };
    await store.save(record);
    expect(await jobs.start('batch', store, alice, { lines: 1 }, 'key-1')).toEqual({ replay: record });
    await expect(jobs.start('batch', store, alice, { lines: 2 }, 'key-1')).rejects.toThrow(IdempotencyConflictError);
    const other = await jobs.start('batch', store, bob, { lines: 1 }, 'key-1');
    expect(other).not.toHaveProperty('replay');
    await expect(jobs.load('batch', store, bob, record.id)).rejects.toThrow(ResourceNotFoundError);
    await expect(jobs.load('rollout', store, alice, record.id)).rejects.toThrow(ResourceNotFoundError);
    expect(await jobs.load('batch', store, alice, record.id)).toEqual(record);
  });

  it('submits all or nothing: a failure part-way cancels what was submitted, undoes, and frees the backlog', async () => {
    const client = new RecordingClient(3);
    const { jobs, metrics } = setup(client);
    let undone = 0;
    const submitThree = (ids: string[]) =>
      [1, 2, 3].reduce(
        (previous) => previous.then(async () => void ids.push((await client.submit(submission)).id)),
        Promise.resolve(),
      );
    await expect(jobs.submitAdmitted(3, submitThree, () => Promise.resolve(void undone++))).rejects.toThrow(
      'queue down',
    );
    expect([client.cancelled.length, undone]).toEqual([2, 1]);
    // The backlog bound is 3: had the failed job kept its reservation, this one would be refused.
    await jobs.submitAdmitted(3, () => Promise.resolve());
    await expect(jobs.submitAdmitted(1, () => Promise.resolve())).rejects.toThrow('backlog');
    expect(await submitted(metrics)).toEqual({ accepted: 3, backlog_full: 1 });
  });
});
