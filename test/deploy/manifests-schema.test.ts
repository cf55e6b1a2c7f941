// Every overlay renders with kubectl kustomize, and every object is valid against its schema.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from './support/k8s-object.js';
import { OVERLAYS, renderOverlay } from './support/render-overlay.js';
import { schemaIssues } from './support/schema-registry.js';

describe('infra/k8s overlays', () => {
  it.each(OVERLAYS)(
    '%s renders and every object validates against the Kubernetes, KEDA and Prometheus schemas',
    (overlay) => {
      const objects = renderOverlay(overlay);
      expect(objects.length).toBeGreaterThan(10);
      expect(objects.flatMap(schemaIssues)).toEqual([]);
    },
  );

  it('the schemas reject what a typo would produce (so a pass means something)', () => {
    const [deployment] = renderOverlay('sim').filter((object) => object.kind === 'Deployment');
    const broken = structuredClone(deployment!) as K8sObject & { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(schemaIssues(broken).join()).toMatch(/replicas/);
    const scaledObject = renderOverlay('production').find((object) => object.kind === 'ScaledObject')!;
    const noTarget = structuredClone(scaledObject) as K8sObject & { spec: Record<string, unknown> };
    delete noTarget.spec['scaleTargetRef'];
    expect(schemaIssues(noTarget).join()).toMatch(/scaleTargetRef/);
    expect(schemaIssues({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual([
      'Widget/w: no schema for example.com/v1 Widget',
    ]);
  });

  it('the production overlay has every kind the deployment promises', () => {
    const kinds = new Set(renderOverlay('production').map((object) => object.kind));
    for (const kind of [
      'Namespace',
      'ServiceAccount',
      'ConfigMap',
      'Deployment',
      'StatefulSet',
      'Service',
      'Ingress',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
      'ScaledObject',
      'TriggerAuthentication',
      'NetworkPolicy',
      'PersistentVolumeClaim',
      'ServiceMonitor',
      'PodMonitor',
    ])
      expect(kinds, kind).toContain(kind);
  });
});
