export type { AlertRule, RuleGroup } from './alerts/alert-rule.js';
export { ALERTS_FILE, DASHBOARDS, generateArtifacts, OUTPUT_DIR, RULE_GROUPS, type Artifact } from './artifacts.js';
export { artifactExpressions } from './check/artifact-expressions.js';
export { readCheckedIn, staleArtifacts } from './check/artifact-files.js';
export { exposedMetricNames } from './check/exposition.js';
export { EXTERNAL_METRICS, type ExternalMetric } from './check/external-metrics.js';
export { metricCoverage, type CoverageProblem } from './check/metric-coverage.js';
export { promqlMetrics, type PromqlMetricsResult } from './check/promql-metrics.js';
export type { QueriedExpression } from './check/queried-expressions.js';
