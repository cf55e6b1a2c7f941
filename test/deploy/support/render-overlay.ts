// Renders an overlay of infra/k8s with `kubectl kustomize` and parses every document.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../../support/corpus.js';
import type { K8sObject } from './k8s-object.js';
import { KubectlMissingError } from './kubectl-missing.error.js';
import { RenderFailedError } from './render-failed.error.js';

/** Every overlay the repository ships. */
export const OVERLAYS = ['sim', 'gpu', 'production', 'production-managed-redis', 'production-redis-cluster'] as const;
export type Overlay = (typeof OVERLAYS)[number];

const rendered = new Map<Overlay, readonly K8sObject[]>();

/** The objects of one overlay (rendered once per test file). */
export function renderOverlay(overlay: Overlay): readonly K8sObject[] {
  const cached = rendered.get(overlay);
  if (cached !== undefined) return cached;
  const dir = resolve(ROOT, 'infra/k8s/overlays', overlay);
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.error !== undefined && 'code' in run.error && run.error.code === 'ENOENT') throw new KubectlMissingError();
  if (run.status !== 0) throw new RenderFailedError(overlay, run.stderr || String(run.error));
  const objects = parseAllDocuments(run.stdout).map((document) => document.toJS() as K8sObject);
  rendered.set(overlay, objects);
  return objects;
}
