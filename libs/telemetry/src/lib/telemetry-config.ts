/** Whether the standard OTEL_* variables ask for trace export; without an exporter the SDK is never loaded. */
export function tracesConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return false;
  const exporters = (env['OTEL_TRACES_EXPORTER'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (exporters.includes('none')) return false;
  if (exporters.length > 0) return true;
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

/**
 * Whether a tracing process scavenges the garbage of span recording between requests (idle-scavenge.ts):
 * on unless THREADLOOM_IDLE_SCAVENGE=false.
 */
export function idleScavengeWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['THREADLOOM_IDLE_SCAVENGE']?.trim().toLowerCase() !== 'false';
}
