// Team-written problems, part 4: long threads and a long sequential solution. The repetitive lines are
// computed here (so every number is right) but follow the same reasoning a person writes out.
import { block, entry } from './corpus-format.mjs';

const digitSum = (n) =>
  String(n)
    .split('')
    .reduce((a, d) => a + Number(d), 0);

/** One thread: digit sums of lo..hi with a running total, one line per number. */
function digitSumThread(lo, hi) {
  const lines = [`We add the digit sums of ${lo} through ${hi}, keeping a running total.`];
  let total = 0;
  for (let n = lo; n <= hi; n++) {
    total += digitSum(n);
    lines.push(`${n}: digit sum ${digitSum(n)}, running total ${total}.`);
  }
  lines.push(`So the digit sums of ${lo}..${hi} add up to ${total}.`);
  return { text: lines.join('\n'), total };
}

function digitSumEntry() {
  const ranges = [
    [1, 25],
    [26, 50],
    [51, 75],
    [76, 100],
  ];
  const threads = ranges.map(([lo, hi]) => digitSumThread(lo, hi));
  const totals = threads.map((t) => t.total);
  const sum = totals.reduce((a, b) => a + b, 0);
  return entry(
    'digit-sums-1-to-100',
    'What is the sum of the digit sums of all integers from 1 to 100?',
    String(sum),
    [
      'Split 1..100 into four ranges of 25 numbers and add the digit sums in each.',
      block(
        ranges.map(([lo, hi]) => `Add the digit sums of ${lo} through ${hi}.`),
        threads.map((t) => t.text),
      ),
      `Total: ${totals.join(' + ')} = ${sum}.`,
      `Check: in 00..99 each digit 0..9 appears 10 times in each of the two places, giving 2 · 10 · 45 = 900, and 100 adds 1, so ${sum} is right.`,
      `The answer is \\boxed{${sum}}.`,
    ],
    `The sum of the digit sums is $\\boxed{${sum}}$.`,
  );
}

function collatzEntry() {
  const lines = ['Apply the rule step by step: halve an even number, map an odd n to 3n + 1.'];
  let n = 27;
  let steps = 0;
  while (n !== 1) {
    const next = n % 2 === 0 ? n / 2 : 3 * n + 1;
    steps += 1;
    lines.push(
      n % 2 === 0
        ? `Step ${steps}: ${n} is even, ${n}/2 = ${next}.`
        : `Step ${steps}: ${n} is odd, 3·${n} + 1 = ${next}.`,
    );
    n = next;
  }
  lines.push(`We reached 1 after ${steps} steps, so the answer is \\boxed{${steps}}.`);
  return entry(
    'collatz-27',
    'Starting from 27, how many steps of the Collatz map (n → n/2 if n is even, n → 3n + 1 if n is odd) does it take to reach 1?',
    String(steps),
    lines,
    `Starting from 27 it takes $\\boxed{${steps}}$ steps to reach 1.`,
  );
}

export const LONG = [digitSumEntry(), collatzEntry()];
