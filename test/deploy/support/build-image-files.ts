// Runs scripts/build-image-files.sh (the Dockerfile's build step) without Docker.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../../support/corpus.js';

const BUILD_SCRIPT = resolve(ROOT, 'scripts/build-image-files.sh');

/** How the script ended. */
export interface ScriptRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `bash scripts/build-image-files.sh …args` from the repository root. */
export function runBuildScript(args: readonly string[]): Promise<ScriptRun> {
  return new Promise((done, fail) => {
    const child = spawn('bash', [BUILD_SCRIPT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}
