// One pod's containers as local processes: the container's command, args and environment as the
// kubelet would build them, volumes as local folders, probes and termination with its semantics.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../../support/corpus.js';
import type { Container, K8sObject, Workload } from './k8s-object.js';
import { exitsZero, restartBudgetMs, waitForProbe, type ProbeTarget } from './kubelet-probe.js';
import { rewritePath, rewriteShell, rewriteValue, type PortMap, type ServiceMap } from './local-addresses.js';
import { resolveCommand, resolveEnv } from './pod-env.js';
import { ProbeFailedError } from './probe-failed.error.js';
import { portNumber } from './workloads.js';

/** How long the test waits for readiness when nothing would restart the container meanwhile. */
const READINESS_CAP_MS = 60_000;

/** Where and how one pod runs here. */
export interface PodPlan {
  readonly name: string;
  readonly workload: Workload;
  readonly namespace: string;
  readonly ports: PortMap;
  readonly services: ServiceMap;
  readonly objects: readonly K8sObject[];
  readonly dir: string;
}

/** How a container ended, and when. */
interface ContainerExit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly at: number;
}

/** A container running as a local process. */
interface LocalContainer {
  readonly spec: Container;
  readonly child: ChildProcess;
  readonly env: Readonly<Record<string, string>>;
  readonly exited: Promise<ContainerExit>;
  output(): string;
}

/** A started pod. */
export interface LocalPod {
  readonly plan: PodPlan;
  readonly containers: readonly LocalContainer[];
  /** Startup, then readiness, then liveness per container, within the kubelet's budgets. */
  waitReady(): Promise<void>;
  /** preStop hooks, SIGTERM after each container's hook, SIGKILL when the grace period runs out. */
  terminate(): Promise<Record<string, ContainerExit>>;
}

/** Starts every container of the pod at once, as the kubelet does. */
export function startPod(plan: PodPlan): LocalPod {
  const volumes = localVolumes(plan);
  const containers = plan.workload.containers.map((spec) => startContainer(plan, spec, volumes));
  return {
    plan,
    containers,
    waitReady: () => Promise.all(containers.map((c) => waitContainerReady(plan, c))).then(() => undefined),
    terminate: () => terminatePod(plan, containers),
  };
}

function localVolumes(plan: PodPlan): Map<string, string> {
  const folders = new Map<string, string>();
  const names = new Set(plan.workload.containers.flatMap((c) => (c.volumeMounts ?? []).map((m) => m.name)));
  for (const name of names) {
    const folder = join(plan.dir, 'volumes', name);
    mkdirSync(folder, { recursive: true });
    const configMap = plan.workload.pod.volumes?.find((v) => v.name === name)?.configMap?.name;
    const data = plan.objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === configMap)?.data ?? {};
    for (const [file, content] of Object.entries(data)) writeFileSync(join(folder, file), content);
    folders.set(name, folder);
  }
  return folders;
}

function startContainer(plan: PodPlan, spec: Container, volumes: ReadonlyMap<string, string>): LocalContainer {
  const raw = resolveEnv(spec, { objects: plan.objects, podName: plan.name, namespace: plan.namespace });
  const env = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, rewriteValue(v, plan.ports, plan.services)]));
  const mounts = new Map((spec.volumeMounts ?? []).map((m) => [m.mountPath, volumes.get(m.name)!]));
  const [command, ...args] = resolveCommand(spec, raw).map((part) =>
    rewriteValue(rewritePath(part, mounts), plan.ports, plan.services),
  );
  // The image's file system is the repository (same layout as /app); the process gets only the
  // container's environment plus what the image sets.
  const processEnv = { PATH: process.env['PATH'] ?? '', HOME: plan.dir, NODE_ENV: 'production', ...env };
  const child = spawn(executable(command!), args, {
    cwd: spec.workingDir === '/app' ? ROOT : plan.dir,
    env: processEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<ContainerExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { spec, child, env: processEnv, exited, output: () => output };
}

/** `node` is this test's Node 24 (the image's runtime); everything else comes from PATH. */
function executable(command: string): string {
  return command === 'node' ? process.execPath : command;
}

function probeTarget(plan: PodPlan, container: LocalContainer): ProbeTarget {
  return {
    name: `${plan.name}/${container.spec.name}`,
    port: (port) => {
      const number = portNumber(container.spec, port);
      const local = number === undefined ? undefined : plan.ports.get(number);
      if (local === undefined) throw new ProbeFailedError(`${plan.name}/${container.spec.name}: no port ${port}`);
      return local;
    },
    exec: (command) => ({
      command: command.map((part, index) =>
        index === 0 ? executable(part) : rewriteShell(part, plan.ports, plan.services),
      ),
      env: { ...container.env },
    }),
  };
}

async function waitContainerReady(plan: PodPlan, container: LocalContainer): Promise<void> {
  const target = probeTarget(plan, container);
  const crashed = container.exited.then((exit) => {
    throw new ProbeFailedError(
      `${target.name} exited (${exit.code ?? exit.signal}) before it was ready:\n${container.output()}`,
    );
  });
  const probes = async () => {
    const { startupProbe, readinessProbe, livenessProbe } = container.spec;
    if (startupProbe !== undefined) await waitForProbe('startup', startupProbe, target, restartBudgetMs(startupProbe));
    // Readiness never restarts a container; liveness does, once any startup probe has passed.
    const restartAfter =
      startupProbe === undefined && livenessProbe !== undefined ? restartBudgetMs(livenessProbe) : READINESS_CAP_MS;
    if (readinessProbe !== undefined) await waitForProbe('readiness', readinessProbe, target, restartAfter);
    if (livenessProbe !== undefined)
      await waitForProbe('liveness', livenessProbe, target, restartBudgetMs(livenessProbe));
  };
  await Promise.race([probes(), crashed]);
  crashed.catch(() => undefined);
}

async function terminatePod(
  plan: PodPlan,
  containers: readonly LocalContainer[],
): Promise<Record<string, ContainerExit>> {
  const deadline = Date.now() + (plan.workload.pod.terminationGracePeriodSeconds ?? 30) * 1000;
  const exits = await Promise.all(
    containers.map(async (container) => {
      const preStop = container.spec.lifecycle?.preStop;
      if (preStop?.exec !== undefined) {
        await exitsZero(probeTarget(plan, container).exec(preStop.exec.command), Math.max(0, deadline - Date.now()));
      } else if (preStop?.sleep !== undefined) {
        await sleep(Math.min(preStop.sleep.seconds * 1000, deadline - Date.now()));
      }
      container.child.kill('SIGTERM');
      const killer = setTimeout(() => container.child.kill('SIGKILL'), Math.max(0, deadline - Date.now()));
      const exit = await container.exited;
      clearTimeout(killer);
      return [container.spec.name, exit] as const;
    }),
  );
  return Object.fromEntries(exits);
}
