// Termination sized to the work, pinned and consistent images, restricted pod security, resources
// everywhere, and a Redis configured the way the workers' boot check demands.
import { describe, expect, it } from 'vitest';
import { apiConfig, workerConfig } from './support/app-contracts.js';
import type { Container, PodSpec } from './support/k8s-object.js';
import { namespaceOf, resolvedContainers } from './support/overlay-pods.js';
import { OVERLAYS, renderOverlay } from './support/render-overlay.js';
import { SECRET_KEYS, SECRET_NAME } from './support/secret-contract.js';
import { ofKind, workloadsOf } from './support/workloads.js';

/** The engine preStop's bound in seconds: the argument after its inline script. */
function preStopBoundSeconds(container: Container): number {
  const command = container.lifecycle?.preStop?.exec?.command ?? [];
  return Number(command.at(-2));
}

function restrictedIssues(name: string, pod: PodSpec): string[] {
  const issues: string[] = [];
  const check = (ok: boolean, what: string) => ok || issues.push(`${name}: ${what}`);
  check(pod.securityContext?.runAsNonRoot === true, 'runAsNonRoot');
  check(pod.securityContext?.seccompProfile?.type === 'RuntimeDefault', 'seccomp RuntimeDefault');
  check(pod.automountServiceAccountToken === false, 'no service account token');
  check(pod.hostNetwork !== true && pod.hostPID !== true, 'no host namespaces');
  check(
    (pod.volumes ?? []).every((volume) => volume.hostPath === undefined),
    'no hostPath volumes',
  );
  for (const container of pod.containers) {
    const context = container.securityContext;
    check(context?.allowPrivilegeEscalation === false, `${container.name} allowPrivilegeEscalation false`);
    check(
      context?.privileged !== true && (context?.capabilities?.add ?? []).length === 0,
      `${container.name} unprivileged`,
    );
    check(context?.capabilities?.drop?.includes('ALL') === true, `${container.name} drops ALL capabilities`);
    for (const resource of ['cpu', 'memory']) {
      check(container.resources?.requests?.[resource] !== undefined, `${container.name} requests ${resource}`);
      check(container.resources?.limits?.[resource] !== undefined, `${container.name} limits ${resource}`);
    }
    const gpu = container.resources?.limits?.['nvidia.com/gpu'];
    check(gpu === container.resources?.requests?.['nvidia.com/gpu'], `${container.name} GPU requests = limits`);
  }
  return issues;
}

/** Kinds that live outside any namespace. */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'StorageClass']);

describe.each(OVERLAYS)('overlay %s: policy', (overlay) => {
  const objects = renderOverlay(overlay);
  const containers = resolvedContainers(overlay);

  it("puts every namespaced object, the ones its components add included, in the overlay's namespace", () => {
    const namespace = namespaceOf(objects);
    const elsewhere = objects
      .filter((object) => !CLUSTER_SCOPED.has(object.kind) && object.metadata.namespace !== namespace)
      .map((object) => `${object.kind}/${object.metadata.name}`);
    expect(elsewhere).toEqual([]);
  });

  it('gives every pod longer to stop than its longest piece of work, and keeps the engine up while the worker drains', () => {
    const gpu = containers.filter((c) => c.workload.name === 'threadloom-gpu-worker');
    const worker = workerConfig(gpu.find((c) => c.app === 'worker')!.env);
    const graceSeconds = gpu[0]!.workload.pod.terminationGracePeriodSeconds!;
    expect(worker.shutdownGraceMs).toBeGreaterThan(worker.engineTimeoutMs);
    expect(graceSeconds * 1000).toBeGreaterThan(worker.shutdownGraceMs);
    const engine = gpu.find((c) => c.container.name === 'engine')!.container;
    expect(preStopBoundSeconds(engine) * 1000).toBeGreaterThanOrEqual(worker.shutdownGraceMs);
    expect(preStopBoundSeconds(engine)).toBeLessThan(graceSeconds);
    const workerContainer = gpu.find((c) => c.app === 'worker')!.container;
    expect(workerContainer.lifecycle?.preStop).toBeUndefined();
    const join = containers.find((c) => c.workload.name === 'threadloom-join')!;
    expect(join.workload.pod.terminationGracePeriodSeconds! * 1000).toBeGreaterThan(
      workerConfig(join.env).shutdownGraceMs,
    );
    const api = containers.find((c) => c.app === 'api')!;
    const apiStop = (api.container.lifecycle?.preStop?.sleep?.seconds ?? 0) * 1000 + apiConfig(api.env).shutdownGraceMs;
    expect(api.workload.pod.terminationGracePeriodSeconds! * 1000).toBeGreaterThan(apiStop);
  });

  it('pins every image by tag, never latest, and runs one threadloom image everywhere', () => {
    const images = containers.map((c) => c.container.image);
    for (const image of images) expect(image, image).toMatch(/^[^:@]+(:[\w.-]+)(@sha256:[0-9a-f]{64})?$/);
    expect(images.filter((image) => /:latest\b/.test(image))).toEqual([]);
    const threadloom = containers.filter((c) => c.container.command?.[0] === 'node').map((c) => c.container.image);
    expect(new Set(threadloom).size).toBe(1);
    expect(new Set(containers.filter((c) => c.app !== undefined).map((c) => c.container.image)).size).toBe(1);
  });

  it('meets the restricted pod security profile, with resources on every container and no token automount', () => {
    const namespace = objects.find((object) => object.kind === 'Namespace')!;
    expect(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(workloadsOf(objects).flatMap((w) => restrictedIssues(w.name, w.pod))).toEqual([]);
    for (const account of ofKind(objects, 'ServiceAccount'))
      expect((account as { automountServiceAccountToken?: boolean }).automountServiceAccountToken).toBe(false);
    const accounts = ofKind(objects, 'ServiceAccount').map((account) => account.metadata.name);
    for (const workload of workloadsOf(objects)) expect(accounts).toContain(workload.pod.serviceAccountName);
    const writable = containers.filter((c) => c.container.securityContext?.readOnlyRootFilesystem !== true);
    expect(writable.map((c) => c.container.image)).toEqual(overlay === 'sim' ? [] : ['vllm/vllm-openai:v0.11.2']);
  });

  it('reads only the documented Secret keys', () => {
    const refs = containers.flatMap((c) => (c.container.env ?? []).flatMap((e) => e.valueFrom?.secretKeyRef ?? []));
    for (const ref of refs) expect([ref.name, ref.key in SECRET_KEYS], ref.key).toEqual([SECRET_NAME, true]);
    for (const secret of ofKind(objects, 'Secret'))
      expect(Object.keys(secret.data ?? {}).filter((key) => !(key in SECRET_KEYS))).toEqual([]);
  });

  it('runs Redis (when in the cluster) with noeviction and AOF, so the workers with REQUIRE_AOF start', () => {
    const redis = workloadsOf(objects).find((w) => w.name === 'threadloom-redis');
    const requireAof = containers.filter((c) => c.app === 'worker').map((c) => workerConfig(c.env).requireAof);
    expect(requireAof).toEqual([true, true]);
    if (overlay.startsWith('production-')) return expect(redis).toBeUndefined();
    const config = ofKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('threadloom-redis-config'))!;
    const conf = config.data!['redis.conf']!;
    expect(conf).toMatch(/^maxmemory-policy noeviction$/m);
    expect(conf).toMatch(/^appendonly yes$/m);
    expect(redis!.kind).toBe('StatefulSet');
  });
});

describe.each(['gpu', 'production', 'production-managed-redis'] as const)('overlay %s: GPU machines', (overlay) => {
  const gpu = workloadsOf(renderOverlay(overlay)).find((w) => w.name === 'threadloom-gpu-worker')!;
  const engine = gpu.containers.find((c) => c.name === 'engine')!;

  it('pairs the worker with a pinned vLLM on one GPU node, with shared memory, a model cache and a startup budget for model load', () => {
    expect(engine.image).toMatch(/^vllm\/vllm-openai:v\d+\.\d+\.\d+$/);
    expect(engine.args).toEqual(
      expect.arrayContaining(['--enable-prefix-caching', '--enable-prompt-tokens-details', '--otlp-traces-endpoint']),
    );
    expect(engine.resources?.limits?.['nvidia.com/gpu']).toBe('1');
    expect(Object.keys(gpu.pod.nodeSelector ?? {})).toContain('nvidia.com/gpu.product');
    expect(gpu.pod.tolerations).toContainEqual(
      expect.objectContaining({ key: 'nvidia.com/gpu', effect: 'NoSchedule' }),
    );
    const mounts = Object.fromEntries((engine.volumeMounts ?? []).map((m) => [m.mountPath, m.name]));
    const volumes = Object.fromEntries((gpu.pod.volumes ?? []).map((v) => [v.name, v]));
    expect(volumes[mounts['/dev/shm']!]?.emptyDir?.medium).toBe('Memory');
    expect(volumes[mounts['/models']!]?.persistentVolumeClaim?.claimName).toBe('threadloom-model-cache');
    const startup = engine.startupProbe!;
    const budgetSeconds = (startup.initialDelaySeconds ?? 0) + startup.periodSeconds! * startup.failureThreshold!;
    expect(budgetSeconds).toBeGreaterThanOrEqual(600);
  });
});

describe('all overlays', () => {
  it('run the same threadloom image', () => {
    const images = OVERLAYS.flatMap((overlay) =>
      resolvedContainers(overlay)
        .filter((c) => c.app !== undefined)
        .map((c) => c.container.image),
    );
    expect(new Set(images).size).toBe(1);
  });
});
