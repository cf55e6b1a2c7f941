import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';
import type { ExitInfo } from './managed-process.js';
import { RedisNotInstalledError } from './redis-not-installed.error.js';

export interface RedisLaunchOptions {
  /** TCP port; a free one is chosen when omitted. */
  readonly port?: number;
  /** Data directory; a fresh temporary one (removed on stop) when omitted. */
  readonly dataDir?: string;
  /** Append-only file persistence, as production runs it. @defaultValue true */
  readonly appendOnly?: boolean;
  /** AOF fsync policy; Redis's own default (`everysec`, as production runs it) when omitted. */
  readonly appendFsync?: 'always' | 'everysec' | 'no';
  /** @defaultValue 'redis-server' */
  readonly binary?: string;
  /** Addresses to listen on (e.g. a bridge address network namespaces reach it by). @defaultValue ['127.0.0.1'] */
  readonly bind?: readonly string[];
}

export interface RunningRedis {
  readonly url: string;
  readonly port: number;
  readonly pid: number | undefined;
  readonly process: ChildProcess;
  /** Where its AOF lives. */
  readonly dataDir: string;
  /** Resolves once redis-server has exited, for whatever reason. */
  readonly exited: Promise<ExitInfo>;
  /** SIGTERM (SIGKILL after a grace); a temporary data directory is removed afterwards. */
  stop(): Promise<void>;
  /** SIGKILL at once (a crash); the data directory stays. */
  kill(): Promise<void>;
}

/** Starts a private redis-server (noeviction, optional AOF) on its own port and data directory. */
export async function startRedisServer(options: RedisLaunchOptions = {}): Promise<RunningRedis> {
  const binary = options.binary ?? 'redis-server';
  assertInstalled(binary);
  const port = options.port ?? (await findFreePort());
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'threadloom-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    ...(options.bind ?? ['127.0.0.1']),
    '--dir',
    dataDir,
    '--save',
    '',
    '--appendonly',
    options.appendOnly === false ? 'no' : 'yes',
    '--maxmemory-policy',
    'noeviction',
    ...(options.appendFsync === undefined ? [] : ['--appendfsync', options.appendFsync]),
    // Protected mode refuses non-loopback clients of a Redis without a password; a caller that binds a private address means them.
    ...(options.bind === undefined ? [] : ['--protected-mode', 'no']),
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<ExitInfo>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await waitForPort(port, child);
  const stop = async (): Promise<void> => {
    await terminate(child);
    if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid, process: child, dataDir, exited, stop, kill };
}

function assertInstalled(binary: string): void {
  const probe = spawnSync(binary, ['--version'], { stdio: 'ignore' });
  if (probe.error !== undefined) throw new RedisNotInstalledError(binary);
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited early with code ${child.exitCode}`);
    if (await canConnect(port)) return;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not listen on port ${port} within ${timeoutMs} ms`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Sends SIGTERM and waits for the exit, escalating to SIGKILL after a grace period. */
export async function terminate(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
