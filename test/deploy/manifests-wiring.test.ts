// Cross-checks no schema catches: environments the apps accept, ports and probes they serve,
// selectors that select, and wiring between the pods of one GPU machine.
import { describe, expect, it } from 'vitest';
import { apiConfig, REQUIRED_VARIABLES, simOptions, workerConfig } from './support/app-contracts.js';
import type { Container } from './support/k8s-object.js';
import { flagValue, resolvedContainers, type ResolvedContainer } from './support/overlay-pods.js';
import { OVERLAYS, renderOverlay } from './support/render-overlay.js';
import { ofKind, portNumber, selects, serviceSelector, workloadsOf } from './support/workloads.js';

const ENGINE_PATHS = { startup: '/v1/models', readiness: '/v1/models', liveness: '/health' } as const;

function engineOf(containers: readonly ResolvedContainer[], workload: string): ResolvedContainer {
  const engine = containers.find((c) => c.workload.name === workload && c.container.name === 'engine');
  if (engine === undefined) throw new Error(`${workload} has no engine container`);
  return engine;
}

type Probe = Container['startupProbe'];

/** The path a probe asks for: an httpGet path, or the loopback URL an exec probe fetches (vLLM's, with the key). */
function probePath(probe: Probe): string | undefined {
  if (probe?.httpGet !== undefined) return probe.httpGet.path;
  return /http:\/\/127\.0\.0\.1:\d+(\/[\w/]+)/.exec(probe?.exec?.command.join(' ') ?? '')?.[1];
}

function probePaths(container: Container) {
  return {
    startup: probePath(container.startupProbe),
    readiness: probePath(container.readinessProbe),
    liveness: probePath(container.livenessProbe),
  };
}

describe.each(OVERLAYS)('overlay %s: wiring', (overlay) => {
  const containers = resolvedContainers(overlay);
  const objects = renderOverlay(overlay);
  const apps = containers.filter((c) => c.app !== undefined);

  it('sets every variable each app requires at boot (from the apps’ schemas), and each app accepts its environment', () => {
    expect(REQUIRED_VARIABLES.api).toContain('REDIS_URL');
    expect(apps.map((c) => c.app).sort()).toEqual(
      overlay === 'sim' ? ['api', 'engine-sim', 'worker', 'worker'] : ['api', 'worker', 'worker'],
    );
    for (const { app, env, command, workload } of apps) {
      if (app === 'engine-sim') {
        expect(() => simOptions(command, env), workload.name).not.toThrow();
        continue;
      }
      const missing = REQUIRED_VARIABLES[app!].filter((name) => env[name] === undefined);
      expect(missing, `${workload.name} (${app})`).toEqual([]);
      expect(() => (app === 'api' ? apiConfig(env) : workerConfig(env)), workload.name).not.toThrow();
    }
  });

  it('probes and Services use ports the containers declare, on the port each app listens on', () => {
    for (const { container, workload } of containers) {
      for (const probe of [container.startupProbe, container.readinessProbe, container.livenessProbe]) {
        const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port;
        if (port !== undefined) expect(portNumber(container, port), `${workload.name}/${container.name}`).toBeDefined();
      }
    }
    for (const { app, command, container } of apps) {
      // Tracing starts before the app: its own OTel preload, as docs/observability.md prescribes.
      expect(command.slice(0, 4)).toEqual([
        'node',
        '--import',
        `./apps/${app}/dist/otel-preload.js`,
        `apps/${app}/dist/main.js`,
      ]);
      if (app === 'worker')
        expect(workerConfig(apps.find((c) => c.container === container)!.env).metricsPort).toBe(
          portNumber(container, 'metrics'),
        );
    }
    const api = apps.find((c) => c.app === 'api')!;
    expect(apiConfig(api.env).port).toBe(portNumber(api.container, 'http'));
    expect(probePaths(api.container)).toEqual({ startup: undefined, readiness: '/readyz', liveness: '/healthz' });
    const engine = engineOf(containers, 'threadloom-gpu-worker');
    const engineListens =
      engine.app === 'engine-sim'
        ? simOptions(engine.command, engine.env).port
        : Number(flagValue(engine.command, '--port'));
    expect(engineListens).toBe(portNumber(engine.container, 'engine'));
    // /health only says the process is up; startup and readiness wait for a serving endpoint.
    expect(probePaths(engine.container)).toEqual(ENGINE_PATHS);
    // vLLM's --api-key guards /v1: its probes send the same Secret the worker sends as ENGINE_API_KEY.
    const worker = containers.find((c) => c.workload.name === 'threadloom-gpu-worker' && c.app === 'worker')!;
    const keyRef = (env: readonly { name: string; valueFrom?: unknown }[] | undefined, name: string) =>
      JSON.stringify(env?.find((variable) => variable.name === name)?.valueFrom);
    expect(keyRef(worker.container.env, 'ENGINE_API_KEY')).toContain('engine-api-key');
    if (engine.app !== 'engine-sim') {
      expect(keyRef(engine.container.env, 'VLLM_API_KEY')).toBe(keyRef(worker.container.env, 'ENGINE_API_KEY'));
      expect(engine.container.readinessProbe?.exec?.command.join(' ')).toContain('VLLM_API_KEY');
    }
  });

  it('selectors select: workloads, Services, PDBs, NetworkPolicies, autoscalers and monitors find their pods', () => {
    const workloads = workloadsOf(objects);
    for (const workload of workloads) expect(selects(workload.selector, workload.labels), workload.name).toBe(true);
    const matching = (selector: Readonly<Record<string, string>>) =>
      workloads.filter((w) => selects(selector, w.labels));
    for (const service of ofKind(objects, 'Service')) {
      const [target, ...others] = matching(serviceSelector(service));
      expect(others, service.metadata.name).toEqual([]);
      for (const port of (service.spec as { ports: { targetPort: string | number }[] }).ports) {
        expect(
          target!.containers.some((c) => portNumber(c, port.targetPort) !== undefined),
          service.metadata.name,
        ).toBe(true);
      }
    }
    for (const pdb of ofKind(objects, 'PodDisruptionBudget')) {
      expect(
        matching((pdb.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels),
      ).toHaveLength(1);
    }
    for (const policy of ofKind(objects, 'NetworkPolicy')) {
      const selector =
        (policy.spec as { podSelector: { matchLabels?: Record<string, string> } }).podSelector.matchLabels ?? {};
      // An empty selector is the default-deny over every pod; the others each guard one component's pods.
      const expected = Object.keys(selector).length === 0 ? workloads.length : 1;
      expect(matching(selector), policy.metadata.name).toHaveLength(expected);
    }
    for (const scaler of [...ofKind(objects, 'HorizontalPodAutoscaler'), ...ofKind(objects, 'ScaledObject')]) {
      const target = (scaler.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name;
      expect(
        workloads.map((w) => w.name),
        scaler.metadata.name,
      ).toContain(target);
    }
    for (const monitor of ofKind(objects, 'ServiceMonitor')) {
      const spec = monitor.spec as { selector: { matchLabels: Record<string, string> }; endpoints: { port: string }[] };
      const services = ofKind(objects, 'Service').filter((s) =>
        selects(spec.selector.matchLabels, s.metadata.labels ?? {}),
      );
      const ports = services.flatMap((s) => (s.spec as { ports: { name: string }[] }).ports.map((p) => p.name));
      expect(ports, monitor.metadata.name).toEqual(expect.arrayContaining(spec.endpoints.map((e) => e.port)));
    }
    for (const monitor of ofKind(objects, 'PodMonitor')) {
      const spec = monitor.spec as {
        selector: { matchLabels: Record<string, string> };
        podMetricsEndpoints: { port: string }[];
      };
      const [target] = matching(spec.selector.matchLabels);
      for (const endpoint of spec.podMetricsEndpoints)
        expect(target!.containers.some((c) => portNumber(c, endpoint.port) !== undefined)).toBe(true);
    }
  });

  it('a GPU machine’s worker talks to its own engine, with the engine’s sequence limit and served model', () => {
    const worker = apps.find((c) => c.workload.name === 'threadloom-gpu-worker' && c.app === 'worker')!;
    const config = workerConfig(worker.env);
    const engine = engineOf(containers, 'threadloom-gpu-worker');
    expect(new URL(config.engineUrl!).hostname).toBe('127.0.0.1');
    expect(Number(new URL(config.engineUrl!).port)).toBe(portNumber(engine.container, 'engine'));
    const engineSeqs =
      engine.app === 'engine-sim'
        ? simOptions(engine.command, engine.env).maxRunning
        : Number(flagValue(engine.command, '--max-num-seqs'));
    expect(config.engineMaxSeqs).toBe(engineSeqs);
    const served =
      engine.app === 'engine-sim'
        ? simOptions(engine.command, engine.env).model
        : flagValue(engine.command, '--served-model-name');
    expect(config.model).toBe(served);
    const api = apps.find((c) => c.app === 'api')!;
    expect(apiConfig(api.env).models).toContain(served);
    expect(config.roles).toEqual(['reason', 'thread']);
    const join = apps.find((c) => c.workload.name === 'threadloom-join')!;
    expect(workerConfig(join.env).roles).toEqual(['join']);
    const prefixes = new Set(apps.filter((c) => c.app !== 'engine-sim').map((c) => c.env['KEY_PREFIX']));
    expect(prefixes.size).toBe(1);
  });
});
