import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** User + system CPU seconds from a `/proc/<pid>/stat` line (fields 14 and 15, in clock ticks); undefined when unreadable. */
export function cpuSecondsFromStat(stat: string, ticks: number): number | undefined {
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isFinite(user) && Number.isFinite(system) && fields.length > 12 ? (user + system) / ticks : undefined;
}

/** CPU seconds a live process has used so far (Linux /proc); 0 when it cannot be read. */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  try {
    return cpuSecondsFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'), ticksPerSecond) ?? 0;
  } catch {
    return 0;
  }
}
