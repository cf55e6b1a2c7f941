import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The benchmark's fork/join probe: one `<Parallel>` block of exactly four threads (Figure 6 whitespace). */
export const FORK4_PROBLEM = 'Benchmark: add the integers from 1 to 100 in four parts, then add the parts.';

const FORK4_TRAJECTORY = [
  '<think>',
  'Split 1..100 into four runs of 25 and add each run.',
  '<Parallel>',
  '<Outlines>',
  '<Outline>1: Sum 1..25.</Outline>',
  '<Outline>2: Sum 26..50.</Outline>',
  '<Outline>3: Sum 51..75.</Outline>',
  '<Outline>4: Sum 76..100.</Outline>',
  '</Outlines>',
  '<Thread>',
  '1: 25·26/2 = 325.',
  '</Thread><Thread>',
  '2: 25·(26+50)/2 = 950.',
  '</Thread><Thread>',
  '3: 25·(51+75)/2 = 1575.',
  '</Thread><Thread>',
  '4: 25·(76+100)/2 = 2200.',
  '</Thread>',
  '</Parallel>',
  'Adding the parts: 325 + 950 + 1575 + 2200 = 5050.',
  'So the answer is \\boxed{5050}.',
  '</think>',
  '',
  'The sum is $\\boxed{5050}$.',
].join('\n');

/** A temporary JSONL corpus holding only the probe; `remove()` deletes it. */
export function writeFork4Corpus(): { readonly path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-bench-'));
  const path = join(dir, 'fork4.jsonl');
  writeFileSync(
    path,
    `${JSON.stringify({ id: 'bench-fork4', problem: FORK4_PROBLEM, answer: '5050', trajectory: FORK4_TRAJECTORY })}\n`,
  );
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
