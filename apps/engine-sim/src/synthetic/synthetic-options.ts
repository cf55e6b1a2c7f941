/** Structure statistics of synthetic trajectories (defaults: paper Tab. 8, self-training set). */
export interface SyntheticOptions {
  /** Mean parallel blocks per trajectory. */
  readonly blocksPerTrajectory: number;
  /** Mean threads per block (at least 2 each). */
  readonly threadsPerBlock: number;
  /** Mean tokens per thread. */
  readonly tokensPerThread: number;
  /** Thread tokens / all tokens. */
  readonly parallelRatio: number;
}

/** Paper Tab. 8, self-train (17,491): 4.00 blocks, 2.46 threads/block, 969 tokens/thread, ratio 0.68. */
export const DEFAULT_SYNTHETIC_OPTIONS: SyntheticOptions = Object.freeze({
  blocksPerTrajectory: 4,
  threadsPerBlock: 2.46,
  tokensPerThread: 969,
  parallelRatio: 0.68,
});
