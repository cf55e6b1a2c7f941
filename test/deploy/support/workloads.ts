// Reading workloads, Services and label selectors out of rendered objects.
import type { Container, K8sObject, PodSpec, Workload } from './k8s-object.js';

/** Deployments and StatefulSets with their pod templates. */
export function workloadsOf(objects: readonly K8sObject[]): Workload[] {
  return objects
    .filter((object) => object.kind === 'Deployment' || object.kind === 'StatefulSet')
    .map((object) => {
      const spec = object.spec as {
        replicas?: number;
        selector: { matchLabels: Record<string, string> };
        template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
      };
      return {
        kind: object.kind as Workload['kind'],
        name: object.metadata.name,
        replicas: spec.replicas ?? 1,
        selector: spec.selector.matchLabels,
        labels: spec.template.metadata.labels,
        pod: spec.template.spec,
        containers: spec.template.spec.containers,
      };
    });
}

/** True when every pair of the selector is among the labels (an empty selector matches all). */
export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** Objects of one kind. */
export function ofKind(objects: readonly K8sObject[], kind: string): K8sObject[] {
  return objects.filter((object) => object.kind === kind);
}

/** The number a probe or Service port refers to: a number, or a port name of the container. */
export function portNumber(container: Container, port: number | string): number | undefined {
  if (typeof port === 'number') return container.ports?.some((p) => p.containerPort === port) ? port : undefined;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** The Service's selector. */
export function serviceSelector(service: K8sObject): Readonly<Record<string, string>> {
  return (service.spec as { selector: Record<string, string> }).selector;
}

/** Which app a threadloom container runs, from its command. */
export function appOf(container: Container): 'api' | 'worker' | 'engine-sim' | undefined {
  const entry = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  if (entry.includes('apps/api/dist/main.js')) return 'api';
  if (entry.includes('apps/worker/dist/main.js')) return 'worker';
  if (entry.includes('apps/engine-sim/dist/main.js')) return 'engine-sim';
  return undefined;
}
