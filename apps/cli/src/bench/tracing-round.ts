import { setTimeout as sleep } from 'node:timers/promises';
import { startQueueStack, type QueueStack } from '../stack/queue-stack.js';
import type { BenchOutput } from './bench-suite.js';
import { FORK4_PROBLEM } from './orchestration-corpus.js';
import { forkJoinMs, timedRequest, type TimedRequest } from './orchestration-probes.js';
import { childrenCpuMs, cpuByRole } from './process-cpu.js';

export type Side = 'on' | 'off';

/** The longest cycle of one side and the request it came from. */
export interface SlowCycle {
  readonly cycle: number;
  readonly request: TimedRequest;
}

/** What one round's alternated requests measured. */
export interface RoundResult {
  readonly samples: Readonly<Record<Side, number[]>>;
  /** Each cycle's traced and untraced requests ran back to back: [traced, untraced] per cycle. */
  readonly pairs: [number | undefined, number | undefined][];
  readonly slowest: Map<Side, SlowCycle>;
  /** CPU (ms) each side's processes used while measuring, by role. */
  readonly cpu: Readonly<Record<Side, Map<string, number>>>;
}

/** How a round's two stacks are started: everything but the key prefix and the exporter. */
export interface RoundSetup {
  readonly round: number;
  readonly cycles: number;
  readonly warmUp: number;
  readonly settleMs: number;
  readonly otlpEndpoint: string;
  readonly stack: Omit<Parameters<typeof startQueueStack>[0], 'keyPrefix' | 'otlpEndpoint'>;
}

/**
 * One round on two fresh stacks (new processes, new key prefixes), started in an order that alternates with
 * the round, so neither side keeps whatever luck a start order or a set of processes has.
 */
export async function runTracingRound(output: BenchOutput, setup: RoundSetup): Promise<RoundResult> {
  const stacks: Partial<Record<Side, QueueStack>> = {};
  const startOrder: readonly Side[] = setup.round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
  try {
    for (const side of startOrder) stacks[side] = await startSide(setup, side);
    const ready = stacks as Record<Side, QueueStack>;
    for (let index = 0; index < setup.warmUp; index += 1) {
      for (const side of startOrder) await timedRequest(ready[side].driver, FORK4_PROBLEM, 'parallel');
    }
    const cpuBefore = { on: childrenCpuMs(ready.on.stack.children), off: childrenCpuMs(ready.off.stack.children) };
    const measured = await measurePairs(output, ready, setup);
    const cpu = {
      on: cpuByRole(cpuBefore.on, childrenCpuMs(ready.on.stack.children)),
      off: cpuByRole(cpuBefore.off, childrenCpuMs(ready.off.stack.children)),
    };
    return { ...measured, cpu };
  } finally {
    await Promise.all(Object.values(stacks).map((stack) => stack.stop()));
  }
}

function startSide(setup: RoundSetup, side: Side): Promise<QueueStack> {
  const name = side === 'on' ? 'traced' : 'untraced';
  const keyPrefix = `{threadloom-bench-${name}-${setup.round}}`;
  if (side === 'off') return startQueueStack({ ...setup.stack, keyPrefix });
  return startQueueStack({ ...setup.stack, keyPrefix, otlpEndpoint: setup.otlpEndpoint });
}

/** Runs `cycles` requests per side, alternated (the side that goes first alternates too), `settleMs` apart. */
async function measurePairs(
  output: BenchOutput,
  stacks: Readonly<Record<Side, QueueStack>>,
  setup: RoundSetup,
): Promise<Omit<RoundResult, 'cpu'>> {
  const measured: Omit<RoundResult, 'cpu'> = { samples: { off: [], on: [] }, pairs: [], slowest: new Map() };
  for (let index = 0; index < setup.cycles; index += 1) {
    const order = index % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    const pair: Partial<Record<Side, number>> = {};
    for (const side of order) {
      const request = await timedRequest(stacks[side].driver, FORK4_PROBLEM, 'parallel');
      const cycle = forkJoinMs(request);
      pair[side] = cycle;
      if (cycle === undefined) {
        const types = request.events.map((event) => event.type).join(' ');
        output.line(`  (${side}: request ${request.id} has no fork/join pair: ${types})`);
      } else {
        measured.samples[side].push(cycle);
        if (cycle > (measured.slowest.get(side)?.cycle ?? -1)) measured.slowest.set(side, { cycle, request });
      }
      await sleep(setup.settleMs);
    }
    measured.pairs.push([pair.on, pair.off]);
  }
  return measured;
}
