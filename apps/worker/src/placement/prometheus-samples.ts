/** The value of a sample line of metric `name` (`name 3` or `name{labels} 3`), else undefined. */
export function sampleValue(line: string, name: string): number | undefined {
  if (!line.startsWith(name)) return undefined;
  const rest = line.slice(name.length);
  if (!rest.startsWith(' ') && !rest.startsWith('{')) return undefined;
  const afterLabels = rest.startsWith('{') ? rest.slice(rest.indexOf('}') + 1) : rest;
  const value = Number(afterLabels.trim().split(/\s+/)[0]);
  return Number.isFinite(value) ? value : undefined;
}

/** Sum of metric `name` over its label sets in exposition `lines`; undefined when it has no sample. */
export function sumSamples(lines: readonly string[], name: string): number | undefined {
  let total: number | undefined;
  for (const line of lines) {
    const value = sampleValue(line, name);
    if (value !== undefined) total = (total ?? 0) + value;
  }
  return total;
}
