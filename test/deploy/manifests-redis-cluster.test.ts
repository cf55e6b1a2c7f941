// The Redis Cluster overlay: the API and every worker parse the same cluster seeds and the same lane
// count from their environment, no Redis runs in the Kubernetes cluster, and autoscaling reads no
// Redis list (one list on one node is one lane's backlog) but keeps its Prometheus triggers.
import { describe, expect, it } from 'vitest';
import { apiConfig, workerConfig } from './support/app-contracts.js';
import { resolvedContainers } from './support/overlay-pods.js';
import { renderOverlay } from './support/render-overlay.js';
import { SECRET_KEYS } from './support/secret-contract.js';
import { ofKind, workloadsOf } from './support/workloads.js';

const OVERLAY = 'production-redis-cluster';

describe(`overlay ${OVERLAY}`, () => {
  const objects = renderOverlay(OVERLAY);
  const containers = resolvedContainers(OVERLAY);

  it('gives the API and both workers the Secret’s seeds and the same 3 lanes', () => {
    const seeds = SECRET_KEYS['redis-cluster-nodes']!.split(',');
    const api = containers.find((c) => c.app === 'api')!;
    expect(apiConfig(api.env)).toMatchObject({ redisClusterNodes: seeds, lanes: 3, keyPrefix: '{threadloom}' });
    const workers = containers.filter((c) => c.app === 'worker');
    expect(workers.map((c) => c.workload.name).sort()).toEqual(['threadloom-gpu-worker', 'threadloom-join']);
    for (const worker of workers)
      expect(workerConfig(worker.env), worker.workload.name).toMatchObject({
        redisClusterNodes: seeds,
        lanes: 3,
        workerLanes: [0, 1, 2],
        keyPrefix: '{threadloom}',
      });
  });

  it('runs no Redis itself and scales on Prometheus only', () => {
    expect(workloadsOf(objects).map((w) => w.name)).not.toContain('threadloom-redis');
    expect(ofKind(objects, 'TriggerAuthentication')).toEqual([]);
    const scaled = ofKind(objects, 'ScaledObject') as unknown as {
      metadata: { name: string };
      spec: { triggers: { type: string; name: string; metadata: Record<string, string> }[] };
    }[];
    expect(scaled).toHaveLength(2);
    const triggerNames = Object.fromEntries(
      scaled.map((object) => [object.metadata.name, object.spec.triggers.map((t) => t.name)]),
    );
    expect(triggerNames).toEqual({
      'threadloom-gpu-worker': ['reason-thread-backlog', 'engine-waiting'],
      'threadloom-join': ['join-backlog'],
    });
    for (const object of scaled) {
      expect(new Set(object.spec.triggers.map((t) => t.type))).toEqual(new Set(['prometheus']));
      // Each of the 3 lanes' series carries its `lane`: the backlog adds them rather than keeping the largest.
      const backlog = object.spec.triggers.filter((t) => t.metadata['query']!.includes('bullmq_job_count'));
      expect(backlog).toHaveLength(1);
      expect(backlog[0]!.metadata['query']).toMatch(/^sum\(max by \(queue, state, lane\) \(bullmq_job_count\{/);
    }
  });
});
