import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';

/** Commands Redis executed while a tally ran, from MONITOR: who sent them, and which Lua script ran which. */
export interface CommandTally {
  /** Commands clients sent, by name; an EVALSHA/EVAL is named by its script (`evalsha bullmq:moveToFinished`). */
  readonly sent: ReadonlyMap<string, number>;
  /** Commands run inside Lua scripts, by script name. */
  readonly inScripts: ReadonlyMap<string, number>;
  /** Commands run inside Lua scripts, by command name. */
  readonly inScriptsByCommand: ReadonlyMap<string, number>;
}

/** A running MONITOR; `stop()` ends it and returns the tally. */
interface RunningTally {
  stop(): CommandTally;
}

const SCRIPT_COMMANDS = new Set(['evalsha', 'eval', 'evalsha_ro', 'eval_ro']);

/**
 * Starts MONITOR on its own connection. Redis feeds a script's EVAL line to monitors before the commands it
 * runs (marked `lua`), and runs nothing else meanwhile, so each inner command belongs to the last script seen.
 * MONITOR costs the server CPU: time a batch without it and tally a second batch.
 */
export async function startCommandTally(url: string, scriptNames: ReadonlyMap<string, string>): Promise<RunningTally> {
  const connection = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  await connection.connect();
  const monitor = await connection.monitor();
  const sent = new Map<string, number>();
  const inScripts = new Map<string, number>();
  const inScriptsByCommand = new Map<string, number>();
  let script = 'unknown script';
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const command = (args[0] ?? '').toLowerCase();
    if (source === 'lua') {
      bump(inScripts, script);
      bump(inScriptsByCommand, command);
      return;
    }
    if (command === 'monitor') return;
    if (SCRIPT_COMMANDS.has(command)) script = scriptName(command, args[1] ?? '', scriptNames);
    bump(sent, SCRIPT_COMMANDS.has(command) ? `${command} ${script}` : command);
  });
  return {
    stop() {
      monitor.disconnect();
      connection.disconnect();
      return { sent, inScripts, inScriptsByCommand };
    },
  };
}

function scriptName(command: string, shaOrBody: string, names: ReadonlyMap<string, string>): string {
  const sha = command.startsWith('evalsha') ? shaOrBody : createHash('sha1').update(shaOrBody).digest('hex');
  return names.get(sha) ?? `script ${sha.slice(0, 8)}`;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
