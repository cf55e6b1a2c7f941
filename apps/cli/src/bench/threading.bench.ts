import { availableParallelism } from 'node:os';
import {
  computeMetrics,
  createCharsTokenizer,
  loadQwen3Tokenizer,
  parseTrajectory,
  validateFormat,
  type Tokenizer,
} from '@threadloom/threading';
import type { BenchOutput, BenchSuite } from './bench-suite.js';
import { medianSeconds, megabytesPerSecond, row } from './measure.js';
import { adversarialInput, syntheticTrajectory } from './threading-inputs.js';

interface BenchInput {
  readonly label: string;
  readonly text: string;
  readonly bytes: number;
}

/** Blocks of the synthetic trajectory: about 40k Qwen3 tokens. */
const SYNTHETIC_BLOCKS = 48;
const ADVERSARIAL_CHARS = 10_000_000;

function input(label: string, text: string): BenchInput {
  return { label, text, bytes: Buffer.byteLength(text, 'utf8') };
}

async function benchChars(output: BenchOutput, { text, bytes }: BenchInput): Promise<void> {
  const tokenizer = createCharsTokenizer();
  const parsed = parseTrajectory(text);
  const rate = async (run: () => unknown): Promise<number> => megabytesPerSecond(bytes, await medianSeconds(run));
  output.line(row('parse', await rate(() => parseTrajectory(text))));
  output.line(row('validate strict (given the parse)', await rate(() => validateFormat(parsed))));
  output.line(row('metrics, chars tokenizer', await rate(() => computeMetrics(text, { tokenizer }))));
  output.line(
    row(
      'parse + validate + metrics, chars',
      await rate(() => {
        validateFormat(parseTrajectory(text));
        computeMetrics(text, { tokenizer });
      }),
    ),
  );
}

async function benchQwen3(output: BenchOutput, { text, bytes }: BenchInput, coldRuns: number): Promise<void> {
  // Cold: a fresh tokenizer (empty cache) per run; its load time is not counted.
  const cold: number[] = [];
  let warm: Tokenizer | null = null;
  for (let i = 0; i < coldRuns; i++) {
    warm = await loadQwen3Tokenizer();
    const tokenizer = warm;
    cold.push(await medianSeconds(() => computeMetrics(text, { tokenizer }), { minRuns: 1, maxRuns: 1 }));
  }
  cold.sort((a, b) => a - b);
  const coldSeconds = cold[Math.floor(cold.length / 2)] ?? 0;
  output.line(
    row(
      'parse + validate + metrics, qwen3 (cold cache)',
      megabytesPerSecond(bytes, coldSeconds + (await medianSeconds(() => validateFormat(text)))),
    ),
  );
  if (!warm) return;
  const tokenizer = warm;
  const tokens = computeMetrics(text, { tokenizer }).totalTokens;
  output.line(
    row(
      'metrics, qwen3 cached repeat',
      megabytesPerSecond(bytes, await medianSeconds(() => computeMetrics(text, { tokenizer }))),
      `${tokens} qwen3 tokens`,
    ),
  );
}

async function runThreadingBench(output: BenchOutput): Promise<void> {
  const chars = createCharsTokenizer();
  const inputs = [
    input(`synthetic trajectory (${SYNTHETIC_BLOCKS} blocks)`, syntheticTrajectory(SYNTHETIC_BLOCKS)),
    input('adversarial junk (random/nested tags, <<<<)', adversarialInput(ADVERSARIAL_CHARS)),
  ];
  output.line(
    `threading: parse + validate + metrics throughput (node ${process.version}, ${availableParallelism()} cores; MB = 10^6 UTF-8 bytes, median of runs)`,
  );
  for (const [index, item] of inputs.entries()) {
    output.line(`${item.label}: ${(item.bytes / 1e6).toFixed(2)} MB, ${chars.countTokens(item.text)} chars tokens`);
    await benchChars(output, item);
    await benchQwen3(output, item, index === 0 ? 3 : 1);
  }
}

/** `threadloom bench threading`: the format library's throughput with the chars and qwen3 tokenizers. */
export const THREADING_BENCH: BenchSuite = {
  name: 'threading',
  description: 'parse + validate + metrics throughput on a ~40k-token trajectory and on 10 MB of adversarial input',
  run: runThreadingBench,
};
