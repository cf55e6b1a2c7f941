/** A boxed two-column table (label left, value right-aligned), as the CLI prints summaries. */
export function formatTwoColumnTable(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(20, ...rows.map(([, value]) => value.length));
  const line = `+${'-'.repeat(width + 2)}+${'-'.repeat(valueWidth + 2)}+`;
  const body = rows.map(([label, value]) => `| ${label.padEnd(width)} | ${value.padStart(valueWidth)} |`);
  return [line, ...body, line].join('\n');
}
