import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { parse } from 'yaml';
import type { RuleGroup } from '../alerts/alert-rule.js';
import type { Artifact } from '../artifacts.js';
import { dashboardExpressions, ruleExpressions, type QueriedExpression } from './queried-expressions.js';

/** Every PromQL expression in generated files as written: Grafana JSON targets and rule-file `expr`s. */
export function artifactExpressions(artifacts: readonly Artifact[]): QueriedExpression[] {
  return artifacts.flatMap((artifact) => {
    if (artifact.file.endsWith('.json')) return dashboardExpressions(JSON.parse(artifact.content) as Dashboard);
    const rules = parse(artifact.content) as { groups?: readonly RuleGroup[] } | null;
    return ruleExpressions(rules?.groups ?? []);
  });
}
