import { THREADWEAVER_DIALECT, type Dialect } from '@threadloom/threading';
// Deterministic, so every run benchmarks the same bytes.
import { seededRandom } from './reliability/seeded-random.js';

const SENTENCES = [
  'We substitute x = 3 into the equation and simplify both sides carefully.',
  'The discriminant is b^2 - 4ac = 25 - 24 = 1, so there are two real roots.',
  'Consider the residues modulo 7 of the powers of 2: they cycle through 2, 4, 1.',
  'By the triangle inequality, the distance is at most |a| + |b| = 12.',
  "Hence the sum of the roots is 5 and their product is 6, by Vieta's formulas.",
  'Let f(n) = n^2 + n + 41; checking n = 0, 1, 2, … gives primes until n = 40.',
];

/**
 * A well-formed canonical trajectory of `blocks` blocks: 2–4 threads of `threadSentences` to twice
 * that many sentences each (about 1,000 Qwen3 tokens per block at the default 6).
 */
export function syntheticTrajectory(
  blocks: number,
  dialect: Dialect = THREADWEAVER_DIALECT,
  threadSentences = 6,
): string {
  const random = seededRandom(42);
  const prose = (sentences: number): string =>
    Array.from({ length: sentences }, () => SENTENCES[Math.floor(random() * SENTENCES.length)]).join(' ');
  const { reasoning, block, plan, planItem, branch } = dialect.tags;
  let out = `${reasoning.open}\n${prose(6)}\n`;
  for (let b = 0; b < blocks; b++) {
    const threads = 2 + Math.floor(random() * 3);
    const numbers = Array.from({ length: threads }, (_, i) => i + 1);
    out += `${block.open}\n${plan.open}\n${numbers.map((n) => `${planItem.open}${n}: ${prose(1)}${planItem.close}\n`).join('')}${plan.close}\n`;
    out += numbers
      .map(
        (n) =>
          `${branch.open}\n${n}: ${prose(threadSentences + Math.floor(random() * threadSentences))}\n${branch.close}`,
      )
      .join('');
    out += `\n${block.close}\n${prose(4)}\n`;
  }
  return `${out}Therefore, the answer is \\boxed{5}.\n${reasoning.close}\n\nThe answer is $\\boxed{5}$.`;
}

/** About `length` characters of adversarial junk: random and deeply nested tags, `<<<<`, unclosed threads, noise. */
export function adversarialInput(length: number, dialect: Dialect = THREADWEAVER_DIALECT): string {
  const random = seededRandom(7);
  const tags = [...dialect.specialTokens];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pieces: string[] = [];
  let size = 0;
  while (size < length) {
    const roll = random();
    let piece: string;
    if (roll < 0.35) piece = pick(tags);
    else if (roll < 0.45) piece = '<'.repeat(1 + Math.floor(random() * 64));
    else if (roll < 0.5) piece = dialect.tags.block.open.repeat(1 + Math.floor(random() * 200));
    else if (roll < 0.55) piece = `${dialect.tags.branch.open}\n${Math.floor(random() * 99)}:`;
    else if (roll < 0.6) piece = pick(['<Thread', '</', '<>', '>', '<Parallel <Outline', '</Thread >']);
    else piece = pick(SENTENCES).slice(0, 1 + Math.floor(random() * 60));
    pieces.push(piece);
    size += piece.length;
  }
  return pieces.join('');
}
