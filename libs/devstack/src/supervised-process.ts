import type { ChildProcess } from 'node:child_process';
import { ChildExitedError } from './child-exited.error.js';
import { startManagedProcess, type ExitInfo } from './managed-process.js';
import { nodeEntryArgs } from './node-entry-args.js';
import { ProcessNotReadyError } from './process-not-ready.error.js';
import { ReadyTimeoutError } from './ready-timeout.error.js';

/** How to start a Node script and recognise that it is ready. */
export interface SpawnReadyOptions {
  readonly args?: readonly string[];
  /** Extra environment (merged over the parent's). */
  readonly env?: Readonly<Record<string, string>>;
  /** A stdout line matching this means ready. @defaultValue any line */
  readonly ready?: RegExp;
  /** @defaultValue 45000 (a Node process starting on a loaded 2-core CI machine can take 20 s) */
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
  const managed = await startManagedProcess({
    name: script,
    command: process.execPath,
    args: [...nodeEntryArgs(script), ...(options.args ?? [])],
    env: options.env ?? {},
    ready: options.ready ?? /./,
    readyStream: 'stdout',
    readyTimeoutMs: options.timeoutMs ?? 45_000,
    // Tests search the whole output, so keep every line.
    tailLines: Number.POSITIVE_INFINITY,
  }).catch((error: unknown) => {
    throw notReady(script, error);
  });
  return {
    child: managed.child,
    readyLine: managed.readyLine,
    output: () => joinLines(managed.tail()),
    stop: (graceMs = 5_000) => managed.stop(graceMs),
    kill: () => managed.kill(),
    exited: managed.exited.then(exitValue),
  };
}

function notReady(script: string, error: unknown): unknown {
  if (error instanceof ChildExitedError) {
    return new ProcessNotReadyError(script, `exited with ${exitValue(error)}`, joinLines(error.tail));
  }
  if (error instanceof ReadyTimeoutError) {
    return new ProcessNotReadyError(script, `no ready line within ${error.timeoutMs} ms`, joinLines(error.tail));
  }
  return error;
}

function exitValue(exit: ExitInfo): number | string {
  return exit.code ?? exit.signal ?? 'unknown';
}

function joinLines(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}
