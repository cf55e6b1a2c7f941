import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { findNextTag, tagTable, type TagMatch } from '../format/tag-table.js';
import type { Tokenizer } from '../tokenizer/tokenizer.js';
import { ParallelStats } from './parallel-stats.js';
import type { TrajectoryMetrics } from './trajectory-metrics.js';

/**
 * Token metrics of a response (spec §3.1, exact rules of the reference single-pass counter).
 * Pass the response only, not the prompt. Every dialect tag is one token; the tokenizer counts
 * the text between tags.
 */
export function computeMetrics(
  response: string,
  options: { tokenizer: Tokenizer; dialect?: Dialect },
): TrajectoryMetrics {
  const dialect = options.dialect ?? THREADWEAVER_DIALECT;
  const table = tagTable(dialect);
  const stats = new ParallelStats();
  let position = 0;
  for (let match = findNextTag(response, 0, table); match; match = findNextTag(response, position, table)) {
    if (match.start > position) stats.text(options.tokenizer.countTokens(response.slice(position, match.start)));
    feedTag(stats, match);
    position = match.end;
  }
  if (position < response.length)
    stats.text(options.tokenizer.countTokens(position === 0 ? response : response.slice(position)));
  stats.finish();
  return summarize(stats);
}

function feedTag(stats: ParallelStats, match: TagMatch): void {
  const { role, closing } = match.info;
  if (role === 'block') {
    if (closing) stats.blockClose();
    else stats.blockOpen();
  } else if (role === 'branch') {
    if (closing) stats.threadClose();
    else stats.threadOpen();
  } else {
    stats.text(1);
  }
}

function summarize(stats: ParallelStats): TrajectoryMetrics {
  let inBlocks = 0;
  let critical = stats.nonBlock;
  let threadCount = 0;
  for (const block of stats.blocks) {
    let sum = 0;
    let longest = 0;
    for (const length of block.threads) {
      sum += length;
      longest = Math.max(longest, length);
    }
    inBlocks += block.sequential + sum;
    critical += block.sequential + longest;
    threadCount += block.threads.length;
  }
  const total = stats.nonBlock + inBlocks;
  return {
    totalTokens: total,
    criticalPathTokens: critical,
    acceleration: total > 0 ? 1 - critical / total : 0,
    parallelRatio: total > 0 ? inBlocks / total : 0,
    blocks: stats.blocks.length,
    threadsPerBlock: stats.blocks.length > 0 ? threadCount / stats.blocks.length : 0,
    withParallel: stats.sawBlockOpen,
  };
}
