import type { BenchOutput } from './bench-suite.js';
import { mean, ms, quantile, ratioRow } from './orchestration-stats.js';
import { pairedDifference } from './paired-difference.js';
import type { RoundResult, Side, SlowCycle } from './tracing-round.js';

/** `+1.23` / `−0.45`: a signed difference in ms. */
function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

/** One line per round: its own p50s and median paired difference, to show how far rounds disagree. */
export function reportRound(output: BenchOutput, index: number, round: RoundResult): void {
  const [traced, untraced] = [quantile(round.samples.on, 0.5), quantile(round.samples.off, 0.5)];
  const diff = pairedDifference(round.pairs);
  output.line(
    `  round ${index + 1}: p50 ${ms(traced)} / ${ms(untraced)} (${(traced / untraced).toFixed(2)}×), traced − untraced per pair: median ${signed(diff.median)} ms over ${diff.pairs} pairs`,
  );
}

/** The pooled quantiles of every round: the figure the ≤ 1.05× target is read from. */
export function reportPooled(output: BenchOutput, rounds: readonly RoundResult[]): void {
  const on = rounds.flatMap((round) => round.samples.on);
  const off = rounds.flatMap((round) => round.samples.off);
  output.line(`  all rounds together (${on.length} / ${off.length} requests with fork and join events):`);
  output.line(
    `  ${'every process exporting vs none'.padEnd(34)} ${'traced'.padStart(14)} ${'untraced'.padStart(14)} ${'ratio'.padStart(8)}`,
  );
  for (const [label, q] of [
    ['p50', 0.5],
    ['p90', 0.9],
    ['p99', 0.99],
  ] as const) {
    const [traced, untraced] = [quantile(on, q), quantile(off, q)];
    output.line(ratioRow(label, ms(traced), ms(untraced), traced / untraced, label === 'p50' ? '≤ 1.05×' : 'report'));
  }
  output.line(ratioRow('mean', ms(mean(on)), ms(mean(off)), mean(on) / mean(off), 'report'));
  const diff = pairedDifference(rounds.flatMap((round) => round.pairs));
  output.line(
    `  traced − untraced, same cycle (${diff.pairs} pairs): mean ${signed(diff.mean)} ± ${diff.halfWidth95.toFixed(2)} ms (95%), median ${signed(diff.median)} ms`,
  );
}

/** Each side's slowest cycle over all rounds with its events as offsets from the fork: where an outlier's time went. */
export function reportSlowest(output: BenchOutput, rounds: readonly RoundResult[]): void {
  for (const [side, label] of [
    ['on', 'traced'],
    ['off', 'untraced'],
  ] as const) {
    const slow = slowestOf(rounds, side);
    if (slow === undefined) continue;
    const fork = slow.request.events.find((event) => event.type === 'fork')?.at ?? 0;
    const timeline = slow.request.events
      .filter((event) => event.at >= fork)
      .map((event) => `${event.type} +${(event.at - fork).toFixed(1)}`)
      .join(', ');
    output.line(`  slowest ${label} cycle: ${ms(slow.cycle)} (${slow.request.id}: ${timeline})`);
  }
}

function slowestOf(rounds: readonly RoundResult[], side: Side): SlowCycle | undefined {
  let slowest: SlowCycle | undefined;
  for (const round of rounds) {
    const candidate = round.slowest.get(side);
    if (candidate !== undefined && candidate.cycle > (slowest?.cycle ?? -1)) slowest = candidate;
  }
  return slowest;
}

/** CPU time per request by role over every round (from /proc, so it counts work off the cycle's path too: exports, GC). */
export function reportCpu(output: BenchOutput, rounds: readonly RoundResult[]): void {
  const requests = rounds.reduce((sum, round) => sum + round.pairs.length, 0);
  if (requests === 0 || rounds.some((round) => round.cpu.on.size === 0 || round.cpu.off.size === 0)) return;
  output.line(`  CPU per request (all processes of a role, user + system, 10 ms ticks over ${requests} requests):`);
  for (const role of ['worker', 'join worker', 'engine-sim']) {
    const total = (side: Side): number => rounds.reduce((sum, round) => sum + (round.cpu[side].get(role) ?? 0), 0);
    const [traced, untraced] = [total('on') / requests, total('off') / requests];
    output.line(
      ratioRow(`  ${role}`, `${traced.toFixed(2)} ms`, `${untraced.toFixed(2)} ms`, traced / untraced, 'report'),
    );
  }
}
