/** Token accounting of one response (spec §3.1). */
export interface TrajectoryMetrics {
  /** Every token of the response. */
  totalTokens: number;
  /** Token latency: non-block tokens plus, per block, its sequential part and its longest thread. */
  criticalPathTokens: number;
  /** η = 1 − critical / total (0 for an empty response). */
  acceleration: number;
  /** Tokens inside blocks (block tags excluded) / total (0 for an empty response). */
  parallelRatio: number;
  /** Number of top-level blocks. */
  blocks: number;
  /** Mean number of threads per block (0 when there is no block). */
  threadsPerBlock: number;
  /** The response contains a block open tag. */
  withParallel: boolean;
}
