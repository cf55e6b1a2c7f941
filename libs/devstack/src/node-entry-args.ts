import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The preload an app ships beside its entry point to register OpenTelemetry before anything else loads. */
export const TELEMETRY_PRELOAD = 'otel-preload.js';

/**
 * Node arguments that start `script`: with `--import <its otel-preload.js>` first when the app has one,
 * so every process the stack starts is traced when OTEL_* variables say so (and costs nothing otherwise).
 */
export function nodeEntryArgs(script: string): string[] {
  const preload = join(dirname(script), TELEMETRY_PRELOAD);
  return existsSync(preload) ? ['--import', pathToFileURL(preload).href, script] : [script];
}
