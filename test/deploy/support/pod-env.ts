// A container's environment as the kubelet builds it: literal values with $(VAR) expansion,
// ConfigMap and Secret keys, and the downward API.
import type { Container, K8sObject } from './k8s-object.js';
import { SECRET_KEYS, SECRET_NAME } from './secret-contract.js';
import { UnresolvedReferenceError } from './unresolved-reference.error.js';

/** Where referenced values come from. */
interface EnvSources {
  readonly objects: readonly K8sObject[];
  readonly podName: string;
  readonly namespace: string;
}

/** The environment of `container`; throws UnresolvedReferenceError for a missing required key. */
export function resolveEnv(container: Container, sources: EnvSources): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of container.env ?? []) {
    const value = entry.value !== undefined ? expand(entry.value, env) : referenced(entry, sources);
    if (value !== undefined) env[entry.name] = value;
  }
  return env;
}

/** `command` + `args` with $(VAR) expanded against the container's environment. */
export function resolveCommand(container: Container, env: Readonly<Record<string, string>>): string[] {
  return [...(container.command ?? []), ...(container.args ?? [])].map((part) => expand(part, env));
}

/** Kubernetes' rule: `$(NAME)` of a defined variable is replaced, `$$` escapes, the rest stays. */
function expand(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => {
    if (name === undefined) return '$';
    return env[name] ?? match;
  });
}

function referenced(entry: NonNullable<Container['env']>[number], sources: EnvSources): string | undefined {
  const from = entry.valueFrom;
  if (from?.fieldRef !== undefined) return fieldValue(from.fieldRef.fieldPath, sources);
  const ref = from?.configMapKeyRef ?? from?.secretKeyRef;
  if (ref === undefined) throw new UnresolvedReferenceError(`${entry.name}: neither value nor a supported valueFrom`);
  const kind = from?.configMapKeyRef !== undefined ? 'ConfigMap' : 'Secret';
  const value = keyValue(kind, ref.name, ref.key, sources.objects);
  if (value === undefined && ref.optional !== true) {
    throw new UnresolvedReferenceError(`${entry.name}: ${kind} ${ref.name} has no key ${ref.key}`);
  }
  return value;
}

function keyValue(kind: string, name: string, key: string, objects: readonly K8sObject[]): string | undefined {
  const object = objects.find((candidate) => candidate.kind === kind && candidate.metadata.name === name);
  if (object === undefined && kind === 'Secret' && name === SECRET_NAME) return SECRET_KEYS[key];
  const encoded = object?.data?.[key];
  if (kind === 'Secret' && encoded !== undefined) return Buffer.from(encoded, 'base64').toString('utf8');
  return encoded ?? object?.stringData?.[key];
}

function fieldValue(path: string, sources: EnvSources): string {
  if (path === 'metadata.name') return sources.podName;
  if (path === 'metadata.namespace') return sources.namespace;
  // Local pods share the host's loopback; their ports are remapped per pod like any 127.0.0.1 URL.
  if (path === 'status.podIP') return '127.0.0.1';
  throw new UnresolvedReferenceError(`fieldRef ${path} is not supported by the checks`);
}
