import type { ExitInfo } from '@threadloom/devstack';
import type { LocalStack, StackHooks } from './local-stack.js';
import { REDIS_CHILD } from './private-redis.js';

/** Where the stack's own messages go (stdout for the summary, stderr for logs and crashes). */
interface StackOutput {
  out(line: string): void;
  err(line: string): void;
}

/** The process streams. */
export const PROCESS_OUTPUT: StackOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Hooks that report crashes and restarts always, and child output when `logs` is on. */
export function reportingHooks(output: StackOutput, logs: boolean): StackHooks {
  return {
    onLine: logs ? (name, _stream, line) => output.err(`[${name}] ${line}`) : undefined,
    onCrash: (name, exit, tail) => output.err(describeCrash(name, exit, tail)),
    onRestarting: (name, exit, restart) => {
      if (name === REDIS_CHILD) output.err(describeCrash(name, exit, []));
      output.err(`↻ ${name}: restart ${restart.count} in ${restart.delayMs} ms`);
    },
    onRestarted: (name, pid, count) => output.err(`✓ ${name} running again (pid ${String(pid)}, restart ${count})`),
    onRestartFailed: (name, error) =>
      output.err(`✗ ${name} did not come back: ${error instanceof Error ? error.message : String(error)}`),
    onGaveUp: (name, _exit, restarts) =>
      output.err(`✗ ${name} keeps crashing (${restarts} restarts, crash budget spent); giving up on it`),
  };
}

/** A crash as a few clear lines: who, how, and its last output. */
function describeCrash(name: string, exit: ExitInfo, tail: readonly string[]): string {
  const how = exit.signal === null ? `exit code ${String(exit.code)}` : `signal ${exit.signal}`;
  const last = tail
    .slice(-10)
    .map((line) => `    ${line}`)
    .join('\n');
  return `✗ ${name} crashed (${how})${last === '' ? '' : `; last output:\n${last}`}`;
}

const LABEL = 11;

/** The summary `up` prints once everything is ready. */
export function describeStack(stack: LocalStack): string[] {
  const own = stack.redisDataDir === undefined ? '' : ` (private, AOF in ${stack.redisDataDir}; kept if Redis crashes)`;
  const lines = [`${'redis'.padEnd(LABEL)}${stack.redisUrl}${own}`];
  for (const machine of stack.machines)
    lines.push(`${machine.id.padEnd(LABEL)}worker reason,thread → engine ${machine.engineUrl}`);
  lines.push(`${'join'.padEnd(LABEL)}worker join`);
  const api = stack.apiUrl ?? 'not started (apps/api/dist/main.js is not built)';
  lines.push(`${'api'.padEnd(LABEL)}${api}`);
  for (const endpoint of stack.metrics) lines.push(`${'metrics'.padEnd(LABEL)}${endpoint.url} (${endpoint.name})`);
  return lines;
}
