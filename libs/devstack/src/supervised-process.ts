import { spawn, type ChildProcess } from 'node:child_process';
import { ProcessNotReadyError } from './process-not-ready.error.js';
import { terminate } from './redis-launcher.js';

/** How to start a Node script and recognise that it is ready. */
export interface SpawnReadyOptions {
  readonly args?: readonly string[];
  /** Extra environment (merged over the parent's). */
  readonly env?: Readonly<Record<string, string>>;
  /** A stdout line matching this means ready. @defaultValue any line */
  readonly ready?: RegExp;
  /** @defaultValue 20000 */
  readonly timeoutMs?: number;
}

/** A running child with the line that announced readiness and its captured output. */
export interface SupervisedProcess {
  readonly child: ChildProcess;
  readonly readyLine: string;
  /** Everything printed so far on stdout and stderr (for diagnostics). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves on exit. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once (a crash); resolves on exit. */
  kill(): Promise<void>;
  /** Resolves with the exit code (or signal) once the child has exited. */
  exited: Promise<number | string>;
}

/** Spawns `node script …` and resolves once it prints a ready line; rejects with its output otherwise. */
export async function spawnNodeProcess(script: string, options: SpawnReadyOptions = {}): Promise<SupervisedProcess> {
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const readyLine = await waitForLine(child, options.ready ?? /./, options.timeoutMs ?? 20_000, (text) => { output += text; }, exited).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw new ProcessNotReadyError(script, error instanceof Error ? error.message : String(error), output);
  });
  return {
    child,
    readyLine,
    output: () => output,
    stop: (graceMs = 5_000) => terminate(child, graceMs),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    exited,
  };
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, record: (text: string) => void, exited: Promise<number | string>): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let done = false;
    const timer = setTimeout(() => finish(() => reject(new Error(`no ready line within ${timeoutMs} ms`))), timeoutMs);
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      settle();
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      record(text);
      if (done) return;
      buffer += text;
      const line = buffer.split('\n').slice(0, -1).find((candidate) => pattern.test(candidate));
      if (line !== undefined) finish(() => resolve(line));
    });
    void exited.then((code) => finish(() => reject(new Error(`exited with ${code}`))));
  });
}
