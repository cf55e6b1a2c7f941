import type { Prng } from '../util/prng.js';

/** Short worked-arithmetic sentences; every one is true, so synthetic text reads as math. */
const TEMPLATES: readonly ((a: number, b: number) => string)[] = [
  (a, b) => `Multiplying, ${a} · ${b} = ${a * b}.`,
  (a, b) => `Adding the two parts gives ${a} + ${b} = ${a + b}.`,
  (a, b) => `The difference is ${a + b} - ${b} = ${a}, which matches the earlier value.`,
  (a, b) => `Squaring, ${a}^2 = ${a * a}, and ${b}^2 = ${b * b}.`,
  (a, b) => `So the sum of squares is ${a * a} + ${b * b} = ${a * a + b * b}.`,
  (a, b) => `Dividing ${a * b} by ${b} gives back ${a}, as expected.`,
  (a, b) => `Check: ${a} mod 7 = ${a % 7} and ${b} mod 7 = ${b % 7}.`,
  (a, b) => `Let me double-check this step: ${a} + ${a} = ${2 * a}, and ${2 * a} + ${b} = ${2 * a + b}.`,
  (a, b) => `Hence the product ${a}·${b} is ${(a * b) % 2 === 0 ? 'even' : 'odd'}.`,
  (a) => `Wait, let me re-verify: ${a} = ${Math.floor(a / 10)}·10 + ${a % 10}.`,
];

/** Appends sentences of true arithmetic until `approxTokens` are reached (about 14 tokens each). */
export function mathProse(prng: Prng, approxTokens: number): string {
  const sentences: string[] = [];
  for (let tokens = 0; tokens < approxTokens; tokens += 14) {
    sentences.push(prng.pick(TEMPLATES)(prng.int(2, 99), prng.int(2, 99)));
  }
  return sentences.join(sentences.length > 6 ? '\n' : ' ');
}

/** A draw with the given mean from a shifted geometric-like spread, at least `min`. */
export function around(prng: Prng, mean: number, min: number): number {
  const spread = Math.max(0, mean - min);
  return Math.max(min, Math.round(min + spread * -Math.log(1 - prng.next() * 0.999)));
}
