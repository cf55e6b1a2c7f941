import { readFileSync } from 'node:fs';
import type { ManagedProcess, SupervisedChild } from '@threadloom/devstack';

/** Clock ticks per second of /proc/<pid>/stat's CPU fields (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; undefined when unreadable. */
export function readProcCpuMs(pid: number): number | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces) start at `) `: state is field 3, utime 14, stime 15.
  const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** CPU time of each child so far (ms), by name; children without a readable /proc entry are missing. */
export function childrenCpuMs(children: readonly SupervisedChild<ManagedProcess>[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const child of children) {
    const pid = child.current()?.pid;
    const ms = pid === undefined ? undefined : readProcCpuMs(pid);
    if (ms !== undefined) used.set(child.name, ms);
  }
  return used;
}

/** CPU used between two readings, summed by role (the child's name up to its first space: `worker`, `engine-sim`). */
export function cpuByRole(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const byRole = new Map<string, number>();
  for (const [name, end] of after) {
    const start = before.get(name);
    if (start === undefined) continue;
    const role = name === 'worker join' ? 'join worker' : (name.split(' ')[0] ?? name);
    byRole.set(role, (byRole.get(role) ?? 0) + end - start);
  }
  return byRole;
}
