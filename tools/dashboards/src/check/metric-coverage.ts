import { promqlMetrics } from './promql-metrics.js';
import type { QueriedExpression } from './queried-expressions.js';

/** A problem with one query: it does not parse, or it selects a metric nobody exports. */
export interface CoverageProblem {
  readonly where: string;
  readonly problem: string;
}

/** Every query must parse and select only metrics in `known`; returns what fails, one entry per metric. */
export function metricCoverage(
  expressions: readonly QueriedExpression[],
  known: ReadonlySet<string>,
): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  for (const { where, expr } of expressions) {
    const parsed = promqlMetrics(expr);
    if (!parsed.ok) {
      problems.push({ where, problem: `does not parse: ${parsed.issues.join('; ')} in ${expr}` });
      continue;
    }
    if (parsed.metrics.length === 0) problems.push({ where, problem: `selects no metric: ${expr}` });
    for (const metric of parsed.metrics)
      if (!known.has(metric)) problems.push({ where, problem: `queries ${metric}, which no component exports` });
  }
  return problems;
}
