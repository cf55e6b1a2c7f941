import type { RedisPerRequest } from './redis-per-request.js';

const TOP = 24;

/** Report lines of a per-request measurement: totals, commands by name, Lua scripts by name. */
export function redisPerRequestLines(measured: RedisPerRequest, label: string): string[] {
  const n = measured.requests;
  const { counted, tally } = measured;
  const m = Math.max(1, measured.monitoredRequests);
  const sent = sum(tally.sent.values());
  const inside = sum(tally.inScripts.values());
  const lines = [
    `${label}: ${n} requests in ${measured.seconds.toFixed(1)} s, then ${measured.monitoredRequests} under MONITOR`,
    `  commands per request (INFO commandstats, script-internal calls included)  ${per(counted.calls, n)}`,
    `    sent by clients / run inside Lua scripts (MONITOR)                      ${per(sent, m)} / ${per(inside, m)}`,
    `  Redis CPU per request: server process (INFO cpu) ${((counted.cpuSeconds * 1000) / n).toFixed(3)} ms, commandstats ${per(counted.usec, n)} µs (scripts include their calls)`,
    `  ${'command (INFO commandstats)'.padEnd(40)} ${'calls/req'.padStart(10)} ${'in scripts'.padStart(10)} ${'µs/req'.padStart(9)}`,
  ];
  const commands = Object.entries(counted.commands).sort(([, a], [, b]) => b.calls - a.calls);
  for (const [name, counters] of commands.slice(0, TOP)) {
    const inScripts = tally.inScriptsByCommand.get(name) ?? 0;
    lines.push(
      `  ${name.padEnd(40)} ${per(counters.calls, n).padStart(10)} ${per(inScripts, m).padStart(10)} ${per(counters.usec, n).padStart(9)}`,
    );
  }
  lines.push(`  ${'sent by clients (MONITOR)'.padEnd(40)} ${'calls/req'.padStart(10)} ${'calls inside'.padStart(12)}`);
  for (const [name, count] of [...tally.sent.entries()].sort(([, a], [, b]) => b - a).slice(0, TOP)) {
    const script = name.startsWith('eval') ? name.slice(name.indexOf(' ') + 1) : undefined;
    const inner = script === undefined ? '' : per(tally.inScripts.get(script) ?? 0, m);
    lines.push(`  ${name.padEnd(40)} ${per(count, m).padStart(10)} ${inner.padStart(12)}`);
  }
  return lines;
}

function per(total: number, requests: number): string {
  return (total / requests).toFixed(1);
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
