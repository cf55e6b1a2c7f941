import { setTimeout as sleep } from 'node:timers/promises';
import { readCorpusProblems, sampleProblems } from '../stack/corpus-sample.js';
import { startQueueStack } from '../stack/queue-stack.js';
import type { ReasoningDriver } from '../stack/reasoning-driver.js';
import type { BenchOutput } from './bench-suite.js';
import type { Fleet } from './orchestration-overhead.js';
import { startBackgroundLoad } from './orchestration-probes.js';
import { LONG_CONTEXT_SYNTHETIC, longContextProblems, PLACEMENT_ARMS, type PlacementArm } from './placement-arms.js';
import { reportPlacement, type PlacementRow } from './placement-report.js';
import { samplePlacement } from './placement-sample.js';

/** How big the placement section runs: problems per level, simulator time scale, sequences per step. */
export interface PlacementSizes {
  readonly longProblems: number;
  readonly shortProblems: number;
  readonly timeScale: number;
  readonly maxRunning: number;
}

interface Workload {
  /** Long-context problems of one cell (arm × load); each cell gets fresh texts. */
  readonly long: (cell: number) => readonly string[];
  readonly short: readonly string[];
  readonly background: readonly string[];
}

/**
 * Issue 16's measurement: realized ÷ ideal speedup and the prefix-cache hit ratio of thread prompts for
 * long-context problems under no placement, capacity placement and prefix-aware placement at low, 50%
 * and 90% fleet load; prefix placement with and without engine priority at 90%; prefix vs capacity on
 * the short corpus. One stack per arm (same Redis, same simulator settings), arms one after another.
 */
export async function benchPlacement(
  output: BenchOutput,
  redisUrl: string,
  sizes: PlacementSizes,
  fleet: Fleet,
): Promise<void> {
  const corpus = readCorpusProblems();
  const parallel = corpus.filter((entry) => entry.trajectory.includes('<Parallel>'));
  const workload: Workload = {
    long: (cell) => longContextProblems(sizes.longProblems, 1_000 + cell * 10),
    short: sampleProblems(
      [...parallel].sort((a, b) => b.trajectory.length - a.trajectory.length).slice(0, sizes.shortProblems * 2),
      sizes.shortProblems,
    ).map((entry) => entry.problem),
    background: corpus.map((entry) => entry.problem),
  };
  const capacity = fleet.machines * sizes.maxRunning;
  output.line(
    `6. placement on long contexts (${sizes.longProblems} long-context and ${workload.short.length} short corpus problems per level, time scale ${sizes.timeScale}, fleet ${capacity} running sequences, synthetic ${LONG_CONTEXT_SYNTHETIC})`,
  );
  const rows: PlacementRow[] = [];
  for (const [index, arm] of PLACEMENT_ARMS.entries()) {
    rows.push(...(await measureArm(redisUrl, sizes, fleet, arm, workload, index)));
  }
  reportPlacement(output, rows, capacity);
}

async function measureArm(
  redisUrl: string,
  sizes: PlacementSizes,
  fleet: Fleet,
  arm: PlacementArm,
  workload: Workload,
  index: number,
): Promise<PlacementRow[]> {
  const { driver, stop } = await startQueueStack({
    machines: fleet.machines,
    timeScale: sizes.timeScale,
    redisUrl,
    keyPrefix: `{threadloom-bench-placement-${index}}`,
    concurrency: fleet.concurrency,
    maxRunning: sizes.maxRunning,
    synthetic: LONG_CONTEXT_SYNTHETIC,
    schedulingPolicy: 'priority',
    ...arm.stack,
  });
  try {
    const rows: PlacementRow[] = [];
    for (const [position, load] of arm.loads.entries()) {
      const streams = Math.round(load * fleet.machines * sizes.maxRunning);
      const long = workload.long(index * 10 + position);
      rows.push(
        ...(await atLoad(driver, arm, { long, short: workload.short, background: workload.background }, load, streams)),
      );
    }
    return rows;
  } finally {
    await stop();
  }
}

async function atLoad(
  driver: ReasoningDriver,
  arm: PlacementArm,
  workload: {
    readonly long: readonly string[];
    readonly short: readonly string[];
    readonly background: readonly string[];
  },
  load: number,
  streams: number,
): Promise<PlacementRow[]> {
  const background = startBackgroundLoad(driver, workload.background, streams);
  if (streams > 0) await sleep(1_000);
  try {
    const rows: PlacementRow[] = [];
    const long = [];
    for (const problem of workload.long) long.push(await samplePlacement(driver, problem));
    rows.push({ arm: arm.label, corpus: 'long', load, streams, samples: long });
    if (arm.shortCorpus) {
      const short = [];
      for (const problem of workload.short) short.push(await samplePlacement(driver, problem));
      rows.push({ arm: arm.label, corpus: 'short', load, streams, samples: short });
    }
    return rows;
  } finally {
    await background.stop();
  }
}
