import type { Dialect } from '@threadloom/threading';
import { threadHeader } from '@threadloom/threading';
import { createPrng, type Prng } from '../util/prng.js';
import type { SyntheticOptions } from './synthetic-options.js';
import { around, mathProse } from './synthetic-text.js';

/**
 * A deterministic ThreadWeaver trajectory for a problem the corpus does not know: same seed,
 * same text. Block, thread and length counts follow `options` on average; it ends in `\boxed{}`.
 */
export function syntheticTrajectory(
  seed: number,
  options: SyntheticOptions,
  dialect: Dialect,
): { trajectory: string; answer: string } {
  const prng = createPrng(seed);
  const { reasoning } = dialect.tags;
  const blocks = Math.max(0, Math.round(options.blocksPerTrajectory + (prng.next() - 0.5) * 2));
  const threadTokens = options.tokensPerThread * options.threadsPerBlock * Math.max(blocks, 1);
  const ratio = Math.min(Math.max(options.parallelRatio, 0.05), 0.95);
  const sequentialTokens = (threadTokens * (1 - ratio)) / ratio;
  const segment = Math.max(20, Math.round(sequentialTokens / (blocks + 1)));
  const answer = String(prng.int(2, 999));
  let text = `${reasoning.open}\nLet me work through this carefully. ${mathProse(prng, segment)}`;
  for (let b = 0; b < blocks; b++) {
    text += `\n${block(prng, options, dialect)}\n${mathProse(prng, segment)}`;
  }
  text += `\nTherefore, the final answer is \\boxed{${answer}}.\n${reasoning.close}\n\nThe answer is $\\boxed{${answer}}$.`;
  return { trajectory: text, answer };
}

function block(prng: Prng, options: SyntheticOptions, dialect: Dialect): string {
  const { block: tags, plan, planItem, branch } = dialect.tags;
  const threads = Math.min(8, around(prng, options.threadsPerBlock, 2));
  const numbers = Array.from({ length: threads }, (_, i) => String(i + 1));
  const outlines = numbers
    .map((n) => `${planItem.open}${n}: Compute part ${n} of the quantity.${planItem.close}\n`)
    .join('');
  const bodies = numbers.map((n, i) => {
    const body = mathProse(prng, around(prng, options.tokensPerThread, 20));
    return `${threadHeader(dialect, n, i === 0)} ${body}\n${branch.close}`;
  });
  return `${tags.open}\n${plan.open}\n${outlines}${plan.close}${bodies.join('')}\n${tags.close}`;
}
