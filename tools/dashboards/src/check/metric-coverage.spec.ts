import { describe, expect, it } from 'vitest';
import { metricCoverage } from './metric-coverage.js';

describe('metricCoverage', () => {
  const known = new Set(['a_total', 'b_bucket']);

  it('accepts queries over known metrics', () => {
    expect(
      metricCoverage([{ where: 'p', expr: 'sum(rate(a_total[5m])) + histogram_quantile(0.5, b_bucket)' }], known),
    ).toEqual([]);
  });

  it('names each unknown metric, each unparsable query and each query without a metric', () => {
    const problems = metricCoverage(
      [
        { where: 'p1', expr: 'rate(a_totl[5m]) / rate(c[5m])' },
        { where: 'p2', expr: 'sum(' },
        { where: 'p3', expr: 'vector(1)' },
      ],
      known,
    );
    expect(problems.map((p) => `${p.where}: ${p.problem.split(':')[0]}`)).toEqual([
      'p1: queries a_totl, which no component exports',
      'p1: queries c, which no component exports',
      'p2: does not parse',
      'p3: selects no metric',
    ]);
  });
});
