// A rendered overlay run on this machine: one local pod per workload (Redis first, as a kubelet
// restart loop would eventually arrange), Services mapped to loopback ports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@threadloom/devstack';
import type { K8sObject, Workload } from './k8s-object.js';
import { serviceHostNames } from './local-addresses.js';
import { startPod, type LocalPod } from './local-pod.js';
import { namespaceOf } from './overlay-pods.js';
import { ofKind, portNumber, selects, serviceSelector, workloadsOf } from './workloads.js';

/** The overlay running locally. */
export interface LocalCluster {
  readonly pods: LocalPod[];
  /** `http://127.0.0.1:<port>` of a Service's first port. */
  serviceUrl(service: string): string;
  /** Starts one more pod of a workload (a rolling update's surge pod) and waits until it is ready. */
  addPod(workload: string, podName: string): Promise<LocalPod>;
  /** Terminates every pod as the kubelet would and removes the local folders. */
  stop(): Promise<void>;
}

async function portsFor(workload: Workload): Promise<Map<number, number>> {
  const ports = new Map<number, number>();
  for (const port of workload.containers.flatMap((c) => c.ports ?? []))
    ports.set(port.containerPort, await findFreePort());
  return ports;
}

/** Starts the overlay's workloads; resolves once every pod passed its probes. */
export async function startLocalCluster(objects: readonly K8sObject[]): Promise<LocalCluster> {
  const namespace = namespaceOf(objects);
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-k8s-smoke-'));
  const workloads = workloadsOf(objects);
  const firstPorts = new Map(await Promise.all(workloads.map(async (w) => [w.name, await portsFor(w)] as const)));
  const services = new Map<string, string>();
  const urls = new Map<string, string>();
  for (const service of ofKind(objects, 'Service')) {
    const target = workloads.find((w) => selects(serviceSelector(service), w.labels))!;
    for (const port of (service.spec as { ports: { port: number; targetPort: string | number }[] }).ports) {
      const containerPort = target.containers.map((c) => portNumber(c, port.targetPort)).find((p) => p !== undefined)!;
      const local = `127.0.0.1:${firstPorts.get(target.name)!.get(containerPort)!}`;
      for (const host of serviceHostNames(service.metadata.name, namespace))
        services.set(`${host}:${port.port}`, local);
      if (!urls.has(service.metadata.name)) urls.set(service.metadata.name, `http://${local}`);
    }
  }
  const pods: LocalPod[] = [];
  const launch = async (workload: Workload, name: string, ports: Map<number, number>) => {
    const pod = startPod({ name, workload, namespace, ports, services, objects, dir: join(dir, name) });
    pods.push(pod);
    await pod.waitReady();
    return pod;
  };
  const podName = (w: Workload) => `${w.name}-${w.kind === 'StatefulSet' ? 0 : 1}`;
  try {
    for (const w of workloads.filter((w) => w.kind === 'StatefulSet'))
      await launch(w, podName(w), firstPorts.get(w.name)!);
    const deployments = workloads.filter((w) => w.kind === 'Deployment');
    await Promise.all(deployments.map((w) => launch(w, podName(w), firstPorts.get(w.name)!)));
  } catch (error) {
    await Promise.all(pods.map((pod) => pod.terminate()));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    pods,
    serviceUrl: (service) => urls.get(service)!,
    addPod: async (name, pod) => {
      const workload = workloads.find((w) => w.name === name)!;
      return launch(workload, pod, await portsFor(workload));
    },
    stop: async () => {
      // Clients first, Redis last, like a namespace deletion that Redis outlives.
      const running = pods.filter((pod) => pod.containers.every((c) => c.child.exitCode === null));
      await Promise.all(running.filter((p) => p.plan.workload.kind === 'Deployment').map((pod) => pod.terminate()));
      await Promise.all(running.filter((p) => p.plan.workload.kind === 'StatefulSet').map((pod) => pod.terminate()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
