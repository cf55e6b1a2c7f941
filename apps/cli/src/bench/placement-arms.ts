import { longContextProblem } from '@threadloom/devstack';
import type { StackOptions } from '../stack/stack-plan.js';

/** One placement configuration the placement section measures, and where it is measured. */
export interface PlacementArm {
  readonly label: string;
  /** Stack options that select it (the rest of the stack is the same for every arm). */
  readonly stack: Pick<StackOptions, 'placeByEngineLoad' | 'workerEnv'>;
  /** Fleet loads (share of running sequences held by background streams) it runs at. */
  readonly loads: readonly number[];
  /** Whether it also runs the short corpus problems (the (c) vs (b) comparison). */
  readonly shortCorpus: boolean;
}

export const LOW = 0;
const HALF = 0.5;
export const HIGH = 0.9;

/**
 * (a) jobs run wherever BullMQ hands them, (b) capacity placement, (c) prefix-aware placement, and (c)
 * again with vLLM engine priority on thread calls at 90% load. Every arm's simulators run
 * `--scheduling-policy priority`; with no `priority` sent that orders like `fcfs` (ties by arrival).
 */
export const PLACEMENT_ARMS: readonly PlacementArm[] = [
  { label: '(a) none', stack: { placeByEngineLoad: false }, loads: [LOW, HALF, HIGH], shortCorpus: false },
  {
    label: '(b) capacity',
    stack: { workerEnv: { PLACEMENT_POLICY: 'capacity' } },
    loads: [LOW, HALF, HIGH],
    shortCorpus: true,
  },
  {
    label: '(c) prefix',
    stack: { workerEnv: { PLACEMENT_POLICY: 'prefix' } },
    loads: [LOW, HALF, HIGH],
    shortCorpus: true,
  },
  {
    label: '(c) + priority',
    stack: { workerEnv: { PLACEMENT_POLICY: 'prefix', ENGINE_PRIORITY: 'true' } },
    loads: [HIGH],
    shortCorpus: false,
  },
];

/**
 * Synthetic trajectories for the long-context problems (the simulator writes one for any prompt it does
 * not know): 2–4 blocks of ~3 threads of ~250 tokens, the paper's parallel ratio. Threads are shorter
 * than the paper's 969 tokens so a run fits the time budget; a shorter thread makes a missed prefix
 * cost *more* of a block, so the comparison is not flattered by it.
 */
export const LONG_CONTEXT_SYNTHETIC = 'blocks=3,threads=3,thread-tokens=250,parallel-ratio=0.68';

/**
 * `count` long-context problems whose prompts spread from 10k to 26k tokens; with the trajectory each
 * grows (~1.2k tokens per block), so their forks fall between ~10k and ~30k tokens of context, inside
 * the simulator's 40,960-token window. `seed` gives texts no other cell of the run shares, so no engine
 * holds a problem's prefix from an earlier arm or level.
 */
export function longContextProblems(count: number, seed: number): string[] {
  const sizes = count === 1 ? [16_000] : Array.from({ length: count }, (_, i) => 10_000 + (16_000 * i) / (count - 1));
  return sizes.map((tokens, index) => longContextProblem(seed + index, Math.round(tokens)));
}
