import { readFileSync } from 'node:fs';
import type { ManagedProcess, SupervisedChild } from '@threadloom/devstack';

/** Resident memory of one process, from /proc/<pid>/status (KiB). */
interface ProcMemory {
  /** Resident set size now (VmRSS). */
  readonly rssKb: number;
  /** Peak resident set size since the process started (VmHWM). */
  readonly peakKb: number;
}

type ProcStatusResult = { ok: true; value: ProcMemory } | { ok: false; issues: string[] };

/** Reads VmRSS and VmHWM out of the text of /proc/<pid>/status. */
export function parseProcStatus(text: string): ProcStatusResult {
  const field = (name: string): number | undefined => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(text);
    return match === null ? undefined : Number(match[1]);
  };
  const rssKb = field('VmRSS');
  const peakKb = field('VmHWM');
  const issues = [
    ...(rssKb === undefined ? ['no VmRSS line'] : []),
    ...(peakKb === undefined ? ['no VmHWM line'] : []),
  ];
  if (rssKb === undefined || peakKb === undefined) return { ok: false, issues };
  return { ok: true, value: { rssKb, peakKb } };
}

/** The memory of a live process, or undefined when it is gone (or /proc is not there). */
export function readProcMemory(pid: number): ProcMemory | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseProcStatus(text);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Peak resident memory of supervised children: VmHWM is each process's own peak, and sampling VmRSS
 * keeps the peak of a process that was restarted (its successor's VmHWM starts again from zero).
 */
export class PeakMemorySampler {
  private readonly peaks = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly children: readonly SupervisedChild<ManagedProcess>[];

  constructor(children: readonly SupervisedChild<ManagedProcess>[], everyMs = 250) {
    this.children = children;
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** Stops sampling; each child's peak (KiB), by name, read last from VmHWM. Children never measured are missing. */
  finish(): Map<string, number> {
    clearInterval(this.timer);
    this.sample();
    return new Map(this.peaks);
  }

  private sample(): void {
    for (const child of this.children) {
      const pid = child.current()?.pid;
      const memory = pid === undefined ? undefined : readProcMemory(pid);
      if (memory === undefined) continue;
      const peak = Math.max(memory.rssKb, memory.peakKb, this.peaks.get(child.name) ?? 0);
      this.peaks.set(child.name, peak);
    }
  }
}
