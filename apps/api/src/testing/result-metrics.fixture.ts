import type { ResultMetrics } from '@threadloom/contracts';

/** Result metrics for tests: `completion` tokens over a critical path of `critical`, everything else neutral. */
export function resultMetricsFixture(completion: number, critical: number, promptTokens = 0): ResultMetrics {
  return {
    promptTokens,
    completionTokens: completion,
    cachedTokens: 0,
    criticalPathTokens: critical,
    tokenSpeedup: critical > 0 ? completion / critical : 1,
    acceleration: completion > 0 ? 1 - critical / completion : 0,
    tokenCountSource: 'engine',
    blocks: 0,
    threadsPerBlock: 0,
    iterations: 0,
  };
}
