import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  grade,
  GRADING_CORPUS,
  GRADING_HELD_OUT,
  rolloutAdvantages,
  tokenAdvantages,
  warmUpGrader,
} from '@threadloom/rewards';
import type { BenchOutput, BenchSuite } from './bench-suite.js';
import { freshCases, freshClassCases } from './fresh-grading-cases.js';
import { medianSeconds } from './measure.js';

const TARGET_GRADES_PER_SECOND = 1_000;
const FRESH_CASES = 2_000;
const FRESH_CLASS_CASES = 700;

interface GradedPair {
  readonly answer: string;
  readonly truth: string | readonly string[];
  readonly correct: boolean;
}

function meets(rate: number): string {
  return rate >= TARGET_GRADES_PER_SECOND ? 'meets' : 'BELOW';
}

function gradeCorpus(corpus: readonly GradedPair[] = GRADING_CORPUS): number {
  let agree = 0;
  for (const item of corpus) if (grade(item.answer, item.truth).correct === item.correct) agree += 1;
  return agree;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

// Wall and CPU milliseconds per grade (CPU time shows what a grade costs when the machine is shared).
function latencies(): { wall: number[]; cpu: number[] } {
  const samples = [...GRADING_CORPUS, ...GRADING_HELD_OUT].map((item) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    grade(item.answer, item.truth);
    const cpu = process.cpuUsage(cpu0);
    return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1e3 };
  });
  const sorted = (values: number[]): number[] => values.sort((a, b) => a - b);
  return { wall: sorted(samples.map((s) => s.wall)), cpu: sorted(samples.map((s) => s.cpu)) };
}

/** Wall and CPU seconds of `run` (CPU time is robust to other jobs on a shared machine). */
function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const cpu = process.cpuUsage(cpu0);
  return { value, wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

function rates(count: number, t: { wall: number; cpu: number }): string {
  const wall = count / t.wall;
  const cpu = count / t.cpu;
  return `${wall.toFixed(0).padStart(6)} wall, ${cpu.toFixed(0).padStart(6)} per CPU-second  (${meets(Math.max(wall, cpu))} the ${TARGET_GRADES_PER_SECOND}/s target)`;
}

// 128 prompts × 8 rollouts, each with 5 units of 2,000 completion tokens: one RL batch of the paper's shape.
function advantageBatch(): { groupId: string; reward: number; units: { completionTokens: number }[] }[] {
  return Array.from({ length: 1024 }, (_, i) => ({
    groupId: `p${Math.floor(i / 8)}`,
    reward: (i % 3 === 0 ? 0 : 1) + (i % 7) / 70,
    units: Array.from({ length: 5 }, () => ({ completionTokens: 2_000 })),
  }));
}

async function runRewardsBench(output: BenchOutput): Promise<void> {
  output.line(
    `rewards: grading throughput on the team corpus (node ${process.version}, ${availableParallelism()} cores, one thread)`,
  );
  const cold = performance.now();
  warmUpGrader();
  output.line(`  engine start-up and warm-up (once per process)  ${(performance.now() - cold).toFixed(0)} ms`);
  const first = timed(gradeCorpus);
  const agree = first.value;
  output.line(
    `  agreement with the corpus verdicts               ${agree}/${GRADING_CORPUS.length} (${((100 * agree) / GRADING_CORPUS.length).toFixed(1)}%)`,
  );
  output.line(`  grades/s, first corpus pass                      ${rates(GRADING_CORPUS.length, first)}`);
  const seconds = await medianSeconds(gradeCorpus, { budgetMs: 3_000, minRuns: 5 });
  output.line(
    `  grades/s, median of repeated corpus passes       ${(GRADING_CORPUS.length / seconds).toFixed(0).padStart(6)} wall (the engine caches repeated inputs)`,
  );
  const fresh = freshCases(FRESH_CASES);
  const freshRun = timed(() => gradeCorpus(fresh));
  output.line(
    `  grades/s, ${FRESH_CASES} unique generated cases          ${rates(fresh.length, freshRun)}; agreement ${freshRun.value}/${fresh.length}`,
  );
  const classes = freshClassCases(FRESH_CLASS_CASES);
  const classRun = timed(() => gradeCorpus(classes));
  output.line(
    `  grades/s, ${FRESH_CLASS_CASES} unique issue-15 class cases    ${rates(classes.length, classRun)}; agreement ${classRun.value}/${classes.length}`,
  );
  const heldOut = gradeCorpus(GRADING_HELD_OUT);
  output.line(`  agreement with the held-out check                ${heldOut}/${GRADING_HELD_OUT.length}`);
  const { wall, cpu } = latencies();
  const spread = (sorted: number[]): string =>
    [percentile(sorted, 0.5), percentile(sorted, 0.99), sorted[sorted.length - 1] ?? 0]
      .map((ms) => ms.toFixed(2))
      .join(' / ');
  output.line(`  per-grade latency p50 / p99 / max, wall          ${spread(wall)} ms (corpus + held-out)`);
  output.line(`  per-grade latency p50 / p99 / max, CPU           ${spread(cpu)} ms`);
  const batch = advantageBatch();
  const advSeconds = await medianSeconds(() => rolloutAdvantages(batch));
  output.line(`  P-GRPO group advantages, 1,024 rollouts          ${(advSeconds * 1e3).toFixed(3)} ms`);
  const broadcastSeconds = await medianSeconds(() => tokenAdvantages(batch), { budgetMs: 1_000 });
  output.line(`  P-GRPO token broadcast, 10.24M tokens            ${(broadcastSeconds * 1e3).toFixed(1)} ms`);
}

/** `threadloom bench rewards`: grades per second on the team corpus, latency percentiles, P-GRPO advantage cost. */
export const REWARDS_BENCH: BenchSuite = {
  name: 'rewards',
  description: 'grades per second on the team grading corpus (target ≥ 1,000/s), per-grade latency, P-GRPO advantages',
  run: runRewardsBench,
};
