import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The problem of a one-block request with `threads` threads (the corpus below replays its trajectory). */
export function forkProblem(threads: number): string {
  return `Scale benchmark: add the integers from 1 to ${threads * 25} in ${threads} parts, then add the parts.`;
}

/** One `<Parallel>` block of `threads` threads, each summing a run of 25 integers (Figure 6 whitespace). */
export function forkTrajectory(threads: number): string {
  const parts = Array.from({ length: threads }, (_, i) => {
    const [from, to] = [i * 25 + 1, (i + 1) * 25];
    return { i: i + 1, from, to, sum: ((from + to) * 25) / 2 };
  });
  const total = parts.reduce((sum, part) => sum + part.sum, 0);
  return [
    '<think>',
    `Split 1..${threads * 25} into ${threads} runs of 25 and add each run.`,
    '<Parallel>',
    '<Outlines>',
    ...parts.map((p) => `<Outline>${p.i}: Sum ${p.from}..${p.to}.</Outline>`),
    '</Outlines>',
    parts.map((p) => `<Thread>\n${p.i}: 25·(${p.from}+${p.to})/2 = ${p.sum}.\n</Thread>`).join(''),
    '</Parallel>',
    `Adding the parts: ${parts.map((p) => p.sum).join(' + ')} = ${total}.`,
    `So the answer is \\boxed{${total}}.`,
    '</think>',
    '',
    `The sum is $\\boxed{${total}}$.`,
  ].join('\n');
}

/** A temporary JSONL corpus with a one-block problem for each thread count; `remove()` deletes it. */
export function writeScaleCorpus(threadCounts: readonly number[]): { readonly path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-scale-'));
  const path = join(dir, 'scale.jsonl');
  const lines = threadCounts.map((threads) =>
    JSON.stringify({
      id: `scale-fork${threads}`,
      problem: forkProblem(threads),
      answer: String((threads * 25 * (threads * 25 + 1)) / 2),
      trajectory: forkTrajectory(threads),
    }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
