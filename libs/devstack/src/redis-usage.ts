// What a Redis server did between two moments, from its own counters: commands (INFO commandstats),
// CPU time of the server process (INFO cpu) and memory in use (INFO memory).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RedisUsageError } from './redis-usage.error.js';

const run = promisify(execFile);

/** Calls of one command and the microseconds Redis spent executing them. */
export interface CommandCounters {
  readonly calls: number;
  readonly usec: number;
}

/** Counters of one Redis server at one moment. */
export interface RedisUsage {
  /** Per command, lower case; subcommands as Redis names them (`cluster|nodes`). */
  readonly commands: Readonly<Record<string, CommandCounters>>;
  /** `used_cpu_user` + `used_cpu_sys` of the server process, seconds. */
  readonly cpuSeconds: number;
  /** `used_memory`, bytes. */
  readonly usedMemory: number;
}

/** The difference of two readings of one server. */
export interface RedisUsageDelta {
  /** Per command that ran in between, the reader's own `INFO` calls left out. */
  readonly commands: Readonly<Record<string, CommandCounters>>;
  /** Commands in between, the reader's own left out. */
  readonly calls: number;
  /** Microseconds spent executing them (commandstats `usec`). */
  readonly usec: number;
  /** Server process CPU time in between, seconds (commands, I/O, timers and replication). */
  readonly cpuSeconds: number;
  /** Change of `used_memory`, bytes (negative when memory was freed). */
  readonly memoryBytes: number;
}

export type UsageParse =
  { readonly ok: true; readonly value: RedisUsage } | { readonly ok: false; readonly issues: string[] };

/** Commands a reading itself sends; a delta leaves them out so that observing does not count as load. */
export const OBSERVER_COMMANDS: readonly string[] = ['info'];

const COMMAND_LINE = /^cmdstat_(\S+?):calls=(\d+),usec=(\d+)/;

/** Parses `INFO commandstats cpu memory` output. */
export function parseRedisUsage(info: string): UsageParse {
  const fields = new Map<string, string>();
  const commands: Record<string, CommandCounters> = {};
  for (const raw of info.split('\n')) {
    const line = raw.trim();
    const command = COMMAND_LINE.exec(line);
    if (command !== null) commands[command[1]!] = { calls: Number(command[2]), usec: Number(command[3]) };
    else if (!line.startsWith('#') && line.includes(':'))
      fields.set(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1));
  }
  const issues: string[] = [];
  const number = (name: string): number => {
    const value = Number(fields.get(name));
    if (!fields.has(name) || !Number.isFinite(value)) issues.push(`missing or invalid ${name}`);
    return value;
  };
  const cpuSeconds = number('used_cpu_user') + number('used_cpu_sys');
  const usedMemory = number('used_memory');
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { commands, cpuSeconds, usedMemory } };
}

/** What happened between `before` and `after` (two readings of the same server, in that order). */
export function usageDelta(before: RedisUsage, after: RedisUsage): RedisUsageDelta {
  const commands: Record<string, CommandCounters> = {};
  let calls = 0;
  let usec = 0;
  for (const [name, now] of Object.entries(after.commands)) {
    if (OBSERVER_COMMANDS.includes(name)) continue;
    const then = before.commands[name] ?? { calls: 0, usec: 0 };
    if (now.calls === then.calls) continue;
    commands[name] = { calls: now.calls - then.calls, usec: now.usec - then.usec };
    calls += now.calls - then.calls;
    usec += now.usec - then.usec;
  }
  return {
    commands,
    calls,
    usec,
    cpuSeconds: after.cpuSeconds - before.cpuSeconds,
    memoryBytes: after.usedMemory - before.usedMemory,
  };
}

/** Reads the counters of the server at `node` (`host:port`) with one `redis-cli INFO commandstats cpu memory`. */
export async function readRedisUsage(node: string): Promise<RedisUsage> {
  const [host = '', port = ''] = node.split(':');
  const { stdout } = await run('redis-cli', ['-h', host, '-p', port, 'INFO', 'commandstats', 'cpu', 'memory']);
  const parsed = parseRedisUsage(stdout);
  if (!parsed.ok) throw new RedisUsageError(node, parsed.issues);
  return parsed.value;
}
