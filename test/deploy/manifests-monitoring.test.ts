// The monitoring component ships exactly what tools/dashboards generated: every dashboard in the
// Grafana ConfigMap and the alert rules as a PrometheusRule.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/corpus.js';
import { renderOverlay } from './support/render-overlay.js';

const DASHBOARDS = resolve(ROOT, 'infra/dashboards');

describe.each(['production', 'production-managed-redis'] as const)('overlay %s: monitoring', (overlay) => {
  const objects = renderOverlay(overlay);

  it('ships every generated dashboard, byte for byte, to Grafana’s sidecar', () => {
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'threadloom-dashboards')!;
    expect(configMap.metadata.labels?.['grafana_dashboard']).toBe('1');
    const files = readdirSync(DASHBOARDS).filter((name) => name.endsWith('.json'));
    expect(Object.keys(configMap.data!).sort()).toEqual(files.sort());
    for (const file of files) expect(configMap.data![file]).toBe(readFileSync(resolve(DASHBOARDS, file), 'utf8'));
  });

  it('loads the generated alert rules as a PrometheusRule (copy the groups after `npm run -s dashboards`)', () => {
    const rule = objects.find((o) => o.kind === 'PrometheusRule')!;
    const generated = parse(readFileSync(resolve(DASHBOARDS, 'threadloom-alerts.rules.yaml'), 'utf8')) as {
      groups: unknown;
    };
    expect((rule.spec as { groups: unknown }).groups).toEqual(generated.groups);
  });
});
