// Runs documented commands from the repository root, as a reader would type them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../../support/corpus.js';

interface ShellResult {
  readonly code: number | null;
  readonly output: string;
}

/** The environment of documented commands: the checkout's Node and tools first on PATH, no colours. */
export function docEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const path = `${resolve(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`;
  return { ...process.env, PATH: path, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Runs one command with bash in its own process group; stdout then stderr. */
export async function runShell(command: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ShellResult> {
  const child = startShell(command, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => stopGroup(child, 'SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((done) => child.once('close', done));
  clearTimeout(timer);
  return { code, output: `${stdout}${stderr}` };
}

/** Starts a command in the background (its own process group, so the whole tree can be stopped). */
export function startShell(command: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn('bash', ['-c', command], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Signals every process of the command's group. */
export function stopGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Untracked, not ignored files of the checkout (to remove what documented commands create). */
export function untrackedFiles(): Set<string> {
  const listed = spawnSync('git', ['ls-files', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return new Set(listed.stdout.split('\0').filter((name) => name !== ''));
}
