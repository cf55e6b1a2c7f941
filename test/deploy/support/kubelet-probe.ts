// Runs a probe the way the kubelet judges it: HTTP 200-399, a TCP connect, or exit code 0, each
// within timeoutSeconds; the container gets initialDelaySeconds + periodSeconds × failureThreshold.
// Probes are polled more often than periodSeconds so the test waits no longer than it must.
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import type { Probe } from './k8s-object.js';
import { ProbeFailedError } from './probe-failed.error.js';

/** How a probe reaches the container here. */
export interface ProbeTarget {
  readonly name: string;
  /** The loopback port of a probe port (number or name). */
  port(port: number | string): number;
  /** The exec command, rewritten for this machine, and the environment it runs with. */
  exec(command: readonly string[]): { readonly command: readonly string[]; readonly env: Record<string, string> };
}

const POLL_MS = 200;

/** One probe attempt. */
async function probeOnce(probe: Probe, target: ProbeTarget): Promise<boolean> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.httpGet !== undefined) {
    const url = `http://127.0.0.1:${target.port(probe.httpGet.port)}${probe.httpGet.path}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
    await response?.body?.cancel();
    return response !== undefined && response.status >= 200 && response.status < 400;
  }
  if (probe.tcpSocket !== undefined) return connects(target.port(probe.tcpSocket.port), timeoutMs);
  if (probe.exec !== undefined) return exitsZero(target.exec(probe.exec.command), timeoutMs);
  throw new ProbeFailedError(`${target.name}: probe has no handler`);
}

/** How long the kubelet lets a startup or liveness probe fail before it restarts the container. */
export function restartBudgetMs(probe: Probe): number {
  return ((probe.initialDelaySeconds ?? 0) + (probe.periodSeconds ?? 10) * (probe.failureThreshold ?? 3)) * 1000;
}

/** Resolves once the probe succeeds; rejects after `budgetMs` (when the kubelet would have restarted it). */
export async function waitForProbe(kind: string, probe: Probe, target: ProbeTarget, budgetMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= budgetMs) {
    if (await probeOnce(probe, target)) return Date.now() - started;
    await sleep(POLL_MS);
  }
  throw new ProbeFailedError(`${target.name}: ${kind} probe failed for ${budgetMs} ms`);
}

function connects(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port, timeout: timeoutMs });
    const settle = (connected: boolean) => {
      socket.destroy();
      resolve(connected);
    };
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
    socket.once('timeout', () => settle(false));
  });
}

/** Runs a command to completion (also used for preStop hooks); true on exit code 0 within the timeout. */
export function exitsZero(
  run: { command: readonly string[]; env: Record<string, string> },
  timeoutMs: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const [file, ...args] = run.command;
    const child = spawn(file!, args, { env: run.env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', () => resolve(false));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
