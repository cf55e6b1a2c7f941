// The rendered sim overlay, run as the kubelet would run it: every container's command, args and
// environment as a local process, Services on loopback ports, probes with the kubelet's budgets.
// Requests go through the API; then a GPU machine is replaced as a rolling update does it.
import { validateFormat } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusEntries } from '../support/corpus.js';
import { FIGURE6 } from '../support/figure6.js';
import { startLocalCluster, type LocalCluster } from './support/local-cluster.js';
import { renderOverlay } from './support/render-overlay.js';

// The sim overlay's development key (its Secret holds only the SHA-256).
const AUTH = { authorization: 'Bearer sim-dev-key', 'content-type': 'application/json' };
const MODEL = 'threadweaver';

interface View {
  readonly id: string;
  readonly status: string;
  readonly result?: {
    readonly text: string;
    readonly answer: string | null;
    readonly blocks: readonly { threads: readonly { machine: string }[] }[];
  };
}

describe('the sim overlay, run from its rendered manifests', () => {
  let cluster: LocalCluster;
  let api: string;

  const submit = async (content: string): Promise<string> => {
    const response = await fetch(`${api}/v1/reasoning`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({ messages: [{ role: 'user', content }], model: MODEL }),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as View).id;
  };
  const view = async (id: string): Promise<View> =>
    (await (await fetch(`${api}/v1/reasoning/${id}`, { headers: AUTH })).json()) as View;
  const finished = async (id: string): Promise<View> => {
    await expect
      .poll(async () => (await view(id)).status, { timeout: 45_000, interval: 100 })
      .toMatch(/^(completed|failed|expired|cancelled)$/);
    return view(id);
  };

  beforeAll(async () => {
    cluster = await startLocalCluster(renderOverlay('sim'));
    api = cluster.serviceUrl('threadloom-api');
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('starts every pod to readiness and answers a request through the API Service', async () => {
    expect(cluster.pods.map((pod) => pod.plan.name).sort()).toEqual([
      'threadloom-api-1',
      'threadloom-gpu-worker-1',
      'threadloom-join-1',
      'threadloom-redis-0',
    ]);
    expect((await fetch(`${api}/v1/models`)).status).toBe(401);
    const done = await finished(await submit(FIGURE6.problem));
    expect(done.status).toBe('completed');
    expect(done.result!.text).toBe(FIGURE6.assistant);
    expect(done.result!.answer).toBe('5');
  });

  it('replaces a GPU machine the way a rolling update does, and every request still completes exactly', async () => {
    // Three of each well-formed corpus problem, so work is in flight when the old machine stops.
    const entries = corpusEntries()
      .filter((entry) => validateFormat(entry.trajectory).ok)
      .slice(0, 12)
      .flatMap((entry) => [entry, entry, entry]);
    const surge = await cluster.addPod('threadloom-gpu-worker', 'threadloom-gpu-worker-2');
    const old = cluster.pods.find((pod) => pod.plan.name === 'threadloom-gpu-worker-1')!;
    const ids = await Promise.all(entries.map((entry) => submit(entry.problem)));
    await expect
      .poll(async () => (await Promise.all(ids.map(view))).some((v) => v.status === 'running'), { timeout: 10_000 })
      .toBe(true);

    const exits = await old.terminate();
    // Both stopped on SIGTERM within the grace period: the worker after draining (Nest re-raises the
    // signal once the app has closed), the engine with exit code 0.
    expect(exits['worker']!.code === 0 || exits['worker']!.signal === 'SIGTERM', JSON.stringify(exits)).toBe(true);
    expect(old.containers.find((c) => c.spec.name === 'worker')!.output()).toMatch(/^worker draining /m);
    expect(exits['engine']).toMatchObject({ code: 0 });
    // The engine outlived the draining worker (its preStop waited for the worker's calls to end).
    expect(exits['engine']!.at).toBeGreaterThan(exits['worker']!.at);

    const views = await Promise.all(ids.map(finished));
    expect(views.map((v) => v.status)).toEqual(entries.map(() => 'completed'));
    expect(views.map((v) => v.result!.text)).toEqual(entries.map((entry) => entry.trajectory));
    // Which machine ran which thread depends on timing; that the surge pod still serves does not.
    expect(surge.containers.every((c) => c.child.exitCode === null)).toBe(true);
  });
});
