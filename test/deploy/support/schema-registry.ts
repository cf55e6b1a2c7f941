// Validates rendered objects against the Kubernetes, KEDA and prometheus-operator OpenAPI schemas
// (kubernetes-models and its CRD packages), found by apiVersion and kind.
import * as keda from '@kubernetes-models/keda';
import * as prometheusOperator from '@kubernetes-models/prometheus-operator';
import * as kubernetes from 'kubernetes-models';
import type { K8sObject } from './k8s-object.js';

interface ModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  new (data: unknown): { validate(): void };
}

const models = new Map<string, ModelClass>();
collectModels([kubernetes, keda, prometheusOperator], new Set());

function collectModels(namespaces: readonly object[], seen: Set<object>): void {
  for (const namespace of namespaces) {
    if (seen.has(namespace)) continue;
    seen.add(namespace);
    for (const value of Object.values(namespace)) {
      if (isModelClass(value)) models.set(`${value.apiVersion} ${value.kind}`, value);
      else if (typeof value === 'object' && value !== null) collectModels([value], seen);
    }
  }
}

function isModelClass(value: unknown): value is ModelClass {
  if (typeof value !== 'function') return false;
  const candidate = value as unknown as Partial<ModelClass>;
  return typeof candidate.apiVersion === 'string' && typeof candidate.kind === 'string';
}

/** Schema problems of one object; empty when it is valid. An unknown apiVersion/kind is a problem. */
export function schemaIssues(object: K8sObject): string[] {
  const Model = models.get(`${object.apiVersion} ${object.kind}`);
  const label = `${object.kind}/${object.metadata.name}`;
  if (Model === undefined) return [`${label}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(withUnwrappedSecretData(object)).validate();
    return [];
  } catch (error) {
    return [`${label}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

// kustomize wraps long base64 values over several lines; the API server's decoder (Go's
// encoding/base64) ignores the newlines, the schema's "byte" format does not.
function withUnwrappedSecretData(object: K8sObject): K8sObject {
  if (object.kind !== 'Secret' || object.data === undefined) return object;
  const data = Object.fromEntries(Object.entries(object.data).map(([key, value]) => [key, value.replace(/\s+/g, '')]));
  return { ...object, data };
}
