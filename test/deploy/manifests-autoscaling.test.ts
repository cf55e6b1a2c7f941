// KEDA triggers read the keys and metrics the system really writes: queue names, the key prefix and
// its lanes from libs/contracts, prioritized jobs counted, every lane counted, authentication from
// the Secret, fallbacks set.
import { DEFAULT_KEY_PREFIX, lanePrefix, QUEUE_NAMES } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import { workerConfig } from './support/app-contracts.js';
import type { K8sObject } from './support/k8s-object.js';
import { namespaceOf, resolvedContainers } from './support/overlay-pods.js';
import { renderOverlay } from './support/render-overlay.js';
import { SECRET_KEYS, SECRET_NAME } from './support/secret-contract.js';
import { ofKind } from './support/workloads.js';

interface Trigger {
  readonly type: string;
  readonly name: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly authenticationRef?: { readonly name: string };
}
interface ScaledObjectSpec {
  readonly scaleTargetRef: { readonly name: string };
  readonly minReplicaCount: number;
  readonly cooldownPeriod: number;
  readonly fallback?: { readonly failureThreshold: number; readonly replicas: number };
  readonly triggers: readonly Trigger[];
}

// KEDA does not validate trigger metadata (a free string map): these are the keys its scalers read.
const METADATA_KEYS: Readonly<Record<string, readonly string[]>> = {
  redis: [
    'address',
    'host',
    'port',
    'listName',
    'listLength',
    'activationListLength',
    'databaseIndex',
    'enableTLS',
    'unsafeSsl',
  ],
  prometheus: [
    'serverAddress',
    'query',
    'threshold',
    'activationThreshold',
    'ignoreNullValues',
    'namespace',
    'unsafeSsl',
  ],
};
const QUEUES: readonly string[] = Object.values(QUEUE_NAMES);
/** Each scaler's cooldown (seconds) and the queues whose `:wait` lists its Redis triggers watch. */
const SCALERS: Readonly<Record<string, { readonly cooldown: number; readonly listQueues: readonly string[] }>> = {
  'threadloom-gpu-worker': { cooldown: 1800, listQueues: ['thread'] },
  'threadloom-join': { cooldown: 300, listQueues: ['join'] },
};

function queuesInQuery(query: string): string[] {
  const match = /queue=~?"([^"]+)"/.exec(query);
  return match === null ? [] : match[1]!.split('|');
}

describe.each(['production', 'production-managed-redis'] as const)('overlay %s: autoscaling', (overlay) => {
  const objects = renderOverlay(overlay);
  const containers = resolvedContainers(overlay);
  const scaledObjects = ofKind(objects, 'ScaledObject');
  const rolesOf = (workload: string) =>
    workerConfig(containers.find((c) => c.workload.name === workload && c.app === 'worker')!.env).roles;
  const prefix = workerConfig(containers.find((c) => c.app === 'worker')!.env).keyPrefix;

  it('scales GPU workers on reason + thread backlog (prioritized included) and engine queueing, join workers on join backlog', () => {
    expect(prefix).toBe(DEFAULT_KEY_PREFIX);
    expect(scaledObjects.map((s) => (s.spec as ScaledObjectSpec).scaleTargetRef.name).sort()).toEqual([
      'threadloom-gpu-worker',
      'threadloom-join',
    ]);
    for (const scaledObject of scaledObjects) {
      const spec = scaledObject.spec as ScaledObjectSpec;
      const roles: readonly string[] = rolesOf(spec.scaleTargetRef.name);
      for (const trigger of spec.triggers) {
        expect(Object.keys(trigger.metadata).filter((key) => !METADATA_KEYS[trigger.type]!.includes(key))).toEqual([]);
        if (trigger.type === 'redis') {
          const [, queue, suffix] = trigger.metadata['listName']!.split(':');
          expect(suffix).toBe('wait');
          expect(roles).toContain(queue);
        } else if (trigger.metadata['query']!.includes('bullmq_job_count')) {
          expect(trigger.metadata['query']).toMatch(/state=~"waiting\|prioritized"/);
          // The API and every join worker export the same counts: each series must count once, and
          // every lane (its own `lane` label when LANES > 1) must be added, not the largest kept.
          expect(trigger.metadata['query']).toMatch(/^sum\(max by \(queue, state, lane\) \(bullmq_job_count\{/);
          expect(queuesInQuery(trigger.metadata['query']!).sort()).toEqual([...roles].sort());
          expect(roles.every((role) => QUEUES.includes(role))).toBe(true);
        } else {
          expect(trigger.metadata['query']).toBe(`sum(vllm:num_requests_waiting{namespace="${namespaceOf(objects)}"})`);
          expect(spec.scaleTargetRef.name).toBe('threadloom-gpu-worker');
        }
        // A missing series must be an error (fallback applies), not a silent zero.
        if (trigger.type === 'prometheus') expect(trigger.metadata['ignoreNullValues']).toBe('false');
      }
      expect(spec.fallback?.replicas).toBeGreaterThanOrEqual(spec.minReplicaCount);
      expect(spec.cooldownPeriod).toBe(SCALERS[spec.scaleTargetRef.name]!.cooldown);
    }
    const gpu = scaledObjects.find((s) => s.metadata.name === 'threadloom-gpu-worker')!.spec as ScaledObjectSpec;
    // Cooldowns sized for model load: minutes, not KEDA's 5-minute default.
    expect(gpu.cooldownPeriod).toBeGreaterThanOrEqual(900);
    expect(gpu.triggers.map((t) => t.name)).toContain('engine-waiting');
  });

  it('Redis list triggers watch the `:wait` list of every lane the workers consume, and only those', () => {
    for (const scaledObject of scaledObjects) {
      const spec = scaledObject.spec as ScaledObjectSpec;
      const worker = containers.find((c) => c.workload.name === spec.scaleTargetRef.name && c.app === 'worker')!;
      const { workerLanes } = workerConfig(worker.env);
      const lists = spec.triggers.filter((t) => t.type === 'redis').map((t) => t.metadata['listName']!);
      const queues = [...new Set(lists.map((list) => list.split(':')[1]!))];
      expect(queues).toEqual(SCALERS[spec.scaleTargetRef.name]!.listQueues);
      const everyLane = queues.flatMap((queue) =>
        workerLanes.map((lane) => `${lanePrefix(prefix, lane)}:${queue}:wait`),
      );
      expect([...lists].sort()).toEqual(everyLane.sort());
    }
  });

  it('Redis triggers reach the Redis the workers use and authenticate from the Secret', () => {
    const auths = ofKind(objects, 'TriggerAuthentication');
    const redisService = objects.find((o) => o.kind === 'Service' && o.metadata.name === 'threadloom-redis');
    for (const trigger of scaledObjects.flatMap((s) => (s.spec as ScaledObjectSpec).triggers)) {
      if (trigger.type !== 'redis') continue;
      const auth = auths.find((a) => a.metadata.name === trigger.authenticationRef?.name);
      const refs = (auth!.spec as { secretTargetRef: { parameter: string; name: string; key: string }[] })
        .secretTargetRef;
      for (const ref of refs) expect([ref.name, ref.key in SECRET_KEYS]).toEqual([SECRET_NAME, true]);
      const parameters = refs.map((ref) => ref.parameter);
      expect(parameters).toContain('password');
      if (redisService === undefined) {
        expect(parameters).toContain('address');
        expect(trigger.metadata['address']).toBeUndefined();
      } else {
        expect(trigger.metadata['address']).toBe(inClusterAddress(redisService, namespaceOf(objects)));
      }
    }
  });
});

function inClusterAddress(service: K8sObject, namespace: string): string {
  const port = (service.spec as { ports: { port: number }[] }).ports[0]!.port;
  return `${service.metadata.name}.${namespace}.svc.cluster.local:${port}`;
}
