import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Built, the probe is this file's sibling; from the TypeScript sources (specs), tsx runs its source.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const PROBE = fileURLToPath(new URL(`./redis-ping-probe.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));
const SOURCE_ARGS = FROM_SOURCE ? ['--import', 'tsx'] : [];

/**
 * Round trips (ms) of `count` Redis PINGs, one after another, from inside network namespace `namespace`
 * to `host:port`. The probe is a child process awaited without blocking this one: the relay being
 * measured lives in this process.
 */
export async function pingFromNamespace(
  namespace: string,
  host: string,
  port: number,
  count: number,
  signal: AbortSignal,
): Promise<number[]> {
  const { stdout } = await promisify(execFile)(
    'ip',
    ['netns', 'exec', namespace, process.execPath, ...SOURCE_ARGS, PROBE, host, String(port), String(count)],
    { encoding: 'utf8', signal },
  );
  return (JSON.parse(stdout) as { roundTripsMs: number[] }).roundTripsMs;
}
