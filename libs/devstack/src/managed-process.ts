import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ChildExitedError } from './child-exited.error.js';
import { ReadyTimeoutError } from './ready-timeout.error.js';
import { terminate } from './redis-launcher.js';

/** The output stream a line came from. */
export type OutputStream = 'stdout' | 'stderr';

/** How to start one child process and recognise that it is ready. */
export interface ProcessSpec {
  /** Human-readable name, e.g. `worker machine-1`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Added to the parent's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** A line matching this marks the process ready. */
  readonly ready: RegExp;
  /** Only lines on this stream can mark it ready. @defaultValue either stream */
  readonly readyStream?: OutputStream;
  /** @defaultValue 60 000 (a Nest worker on 2 busy cores has taken over 30 s to print its first line) */
  readonly readyTimeoutMs?: number;
  /** Own process group, so a terminal Ctrl-C does not reach the child. @defaultValue false */
  readonly detached?: boolean;
  /** How many output lines to keep (`Infinity` keeps everything). @defaultValue 20 */
  readonly tailLines?: number;
}

/** How a child ended. */
export interface ExitInfo {
  readonly code: number | null;
  readonly signal: string | null;
}

/** Callbacks for a child's output and its end. */
export interface ProcessHooks {
  onLine?(name: string, stream: OutputStream, line: string): void;
  /** Called when the child exits without having been asked to stop. */
  onCrash?(name: string, exit: ExitInfo, tail: readonly string[]): void;
}

/** A running, ready child process under supervision. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  readonly child: ChildProcess;
  /** The line that matched the ready pattern. */
  readonly readyLine: string;
  readonly exited: Promise<ExitInfo>;
  /** Last lines of output (stdout and stderr), newest last. */
  tail(): readonly string[];
  /** SIGTERM, then SIGKILL after a grace period; resolves once the child has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once (a crash); resolves once the child has exited. */
  kill(): Promise<void>;
}

const TAIL_LINES = 20;

/** Spawns a child and resolves once it prints a line matching `spec.ready`. */
export async function startManagedProcess(spec: ProcessSpec, hooks: ProcessHooks = {}): Promise<ManagedProcess> {
  const child = spawnChild(spec);
  const lines: string[] = [];
  const tailLines = spec.tailLines ?? TAIL_LINES;
  let stopping = false;
  let ready = false;
  let onReadyLine: ((line: string) => void) | undefined;
  const record = (stream: OutputStream, line: string): void => {
    lines.push(line);
    if (lines.length > tailLines) lines.shift();
    hooks.onLine?.(spec.name, stream, line);
    const counts = spec.readyStream === undefined || spec.readyStream === stream;
    if (onReadyLine !== undefined && counts && spec.ready.test(line)) onReadyLine(line);
  };
  if (child.stdout !== null) createInterface({ input: child.stdout }).on('line', (line) => record('stdout', line));
  if (child.stderr !== null) createInterface({ input: child.stderr }).on('line', (line) => record('stderr', line));
  const exited = exitOf(child);
  void exited.then((exit) => {
    if (ready && !stopping) hooks.onCrash?.(spec.name, exit, [...lines]);
  });

  const readyLine = await new Promise<string>((resolve, reject) => {
    const timeoutMs = spec.readyTimeoutMs ?? 60_000;
    const timer = setTimeout(() => reject(new ReadyTimeoutError(spec.name, timeoutMs, [...lines])), timeoutMs);
    onReadyLine = (line) => {
      clearTimeout(timer);
      onReadyLine = undefined;
      ready = true;
      resolve(line);
    };
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new ChildExitedError(spec.name, exit.code, exit.signal, [...lines]));
    });
  }).catch(async (error: unknown) => {
    stopping = true;
    await terminate(child, 2_000);
    throw error;
  });

  return {
    name: spec.name,
    pid: child.pid,
    child,
    readyLine,
    exited,
    tail: () => [...lines],
    stop: async (graceMs = 10_000) => {
      stopping = true;
      await terminate(child, graceMs);
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

function spawnChild(spec: ProcessSpec): ChildProcess {
  return spawn(spec.command, [...spec.args], {
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: spec.detached ?? false,
  });
}

function exitOf(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once('error', () => resolve({ code: child.exitCode, signal: null }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}
