// Runs the built CLI as a real process and collects what it printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built CLI entry point. */
export const CLI = resolve(ROOT, 'apps/cli/dist/main.js');

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns `node apps/cli/dist/main.js ...args` without waiting for it (`env` replaces variables). */
export function spawnCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

/** Runs the CLI to completion (killed after `timeoutMs`). */
export async function runCli(
  args: readonly string[],
  timeoutMs = 90_000,
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((done) => child.once('close', (exitCode) => done(exitCode)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Resolves with everything printed on stdout once a line matches, rejects on exit or timeout. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  return new Promise((done, fail) => {
    let seen = '';
    let errors = '';
    const timer = setTimeout(
      () => fail(new Error(`no ${String(pattern)} within ${timeoutMs} ms:\n${seen}\n${errors}`)),
      timeoutMs,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (pattern.test(seen)) {
        clearTimeout(timer);
        done(seen);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${String(code)} before ${String(pattern)}:\n${seen}\n${errors}`));
    });
  });
}

/** Every descendant pid of `pid` (Linux /proc), depth first. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(Number(entry));
    if (ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const visit = (parent: number): void => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** The command line of a process, or undefined once it is gone. */
export function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((part) => part.length > 0);
  } catch {
    return undefined;
  }
}

/** True while the pid exists (zombies included: they are reaped by their parent). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}
