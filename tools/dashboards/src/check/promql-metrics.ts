import { parser } from '@prometheus-io/lezer-promql';

/** The metric names a PromQL expression selects, or why it does not parse. */
export type PromqlMetricsResult =
  | { readonly ok: true; readonly metrics: readonly string[] }
  | { readonly ok: false; readonly issues: readonly string[] };

// Grafana replaces these before Prometheus sees the query; the parser needs a plain duration in their place.
const GRAFANA_VARIABLE = /\$__(rate_interval|interval|range)|\$\{?\w+\}?/g;

/** Parses `expr` with Prometheus' own PromQL grammar and returns every metric name in its selectors. */
export function promqlMetrics(expr: string): PromqlMetricsResult {
  const source = expr.replace(GRAFANA_VARIABLE, (match) => (match.startsWith('$__') ? '5m' : 'grafana_variable'));
  const tree = parser.parse(source);
  const metrics = new Set<string>();
  const issues: string[] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) issues.push(`syntax error at ${node.from}: "${source.slice(node.from, node.from + 20)}"`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
        metrics.add(source.slice(node.from, node.to));
    },
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, metrics: [...metrics].sort() };
}
