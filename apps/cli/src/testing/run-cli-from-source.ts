import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs `threadloom <args>` from the TypeScript sources in a child process (no build needed); stdin optional. */
export function runCliFromSource(args: readonly string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    ['--conditions=@threadloom/source', '--import', 'tsx', 'apps/cli/src/main.ts', ...args],
    { cwd: ROOT, input, encoding: 'utf8' },
  );
}
