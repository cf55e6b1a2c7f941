/** Suffixes of the samples a histogram or summary family exposes. */
const FAMILY_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count'],
};

/**
 * Every metric name a Prometheus text exposition offers to queries: each sample's name, plus the sample
 * names a declared histogram or summary family yields even before its first observation.
 */
export function exposedMetricNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\w+)/.exec(line);
    if (type) {
      const [, family, kind] = type as unknown as [string, string, string];
      const suffixes = FAMILY_SUFFIXES[kind];
      if (suffixes === undefined) names.add(family);
      else for (const suffix of suffixes) names.add(`${family}${suffix}`);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/.exec(line);
    if (sample) names.add(sample[1]!);
  }
  return names;
}
