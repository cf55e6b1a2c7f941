// Every container of an overlay with its resolved environment and command line.
import type { Container, K8sObject, Workload } from './k8s-object.js';
import { resolveCommand, resolveEnv } from './pod-env.js';
import { renderOverlay, type Overlay } from './render-overlay.js';
import { appOf, workloadsOf } from './workloads.js';

/** One container as it would start in the overlay's first pod of its workload. */
export interface ResolvedContainer {
  readonly workload: Workload;
  readonly container: Container;
  readonly app: ReturnType<typeof appOf>;
  readonly env: Readonly<Record<string, string>>;
  readonly command: readonly string[];
}

/** The namespace the overlay deploys into. */
export function namespaceOf(objects: readonly K8sObject[]): string {
  const namespace = objects.find((object) => object.kind === 'Namespace')?.metadata.name;
  if (namespace === undefined) throw new Error('the overlay renders no Namespace');
  return namespace;
}

/** All containers of all workloads of an overlay. */
export function resolvedContainers(overlay: Overlay): ResolvedContainer[] {
  const objects = renderOverlay(overlay);
  const namespace = namespaceOf(objects);
  return workloadsOf(objects).flatMap((workload) =>
    workload.containers.map((container) => {
      const env = resolveEnv(container, { objects, podName: `${workload.name}-0`, namespace });
      return { workload, container, app: appOf(container), env, command: resolveCommand(container, env) };
    }),
  );
}

/** The value after `flag` in a command line. */
export function flagValue(command: readonly string[], flag: string): string | undefined {
  const index = command.indexOf(flag);
  return index === -1 ? undefined : command[index + 1];
}
