import {
  createCharsEncoder,
  loadQwen3Encoder,
  packedBytes,
  packTrajectory,
  renderUserPrompt,
  type PackInput,
  type PackedSequence,
  type TokenEncoder,
} from '@threadloom/threading';
import type { BenchOutput, BenchSuite } from './bench-suite.js';
import { medianSeconds } from './measure.js';
import { syntheticTrajectory } from './threading-inputs.js';

/** The shape: a 16-block trajectory of about 40k tokens. */
const BLOCKS = 16;
const THREAD_SENTENCES = 23;

function pack(input: PackInput, encoder: TokenEncoder): PackedSequence {
  const result = packTrajectory(input, { encoder });
  if (!result.ok) throw new Error(`the bench trajectory does not pack: ${JSON.stringify(result.issues)}`);
  return result.value;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

async function benchEncoder(output: BenchOutput, input: PackInput, encoder: TokenEncoder): Promise<void> {
  const packed = pack(input, encoder);
  const length = packed.inputIds.length;
  const trajectoryTokens = encoder.encode(input.prompt).length + encoder.encode(input.response).length;
  const seconds = await medianSeconds(() => pack(input, encoder), { minRuns: 3, budgetMs: 3000 });
  const bytes = packedBytes(packed);
  const denseBool = length * length;
  output.line(`  ${encoder.name} encoder`);
  output.line(`    trajectory ${trajectoryTokens} tokens, ${packed.units} units → packed length ${length}`);
  output.line(`    pack (encode + units + trie + flatten + labels): ${(seconds * 1000).toFixed(1)} ms median`);
  output.line(`    packed arrays (7 per node): ${megabytes(bytes)} = ${(bytes / length).toFixed(0)} B per node`);
  output.line(
    `    dense boolean L×L mask: ${megabytes(denseBool)} (${(denseBool / bytes).toFixed(0)}× the packed arrays); ` +
      `dense fp32 mask as the reference builds it: ${megabytes(denseBool * 4)} (${((denseBool * 4) / bytes).toFixed(0)}×)`,
  );
}

async function runPackingBench(output: BenchOutput): Promise<void> {
  const input: PackInput = {
    prompt: renderUserPrompt(
      "What is 6 times 7? Let's think step by step and output the final answer within \\boxed{}.",
    ),
    response: syntheticTrajectory(BLOCKS, undefined, THREAD_SENTENCES),
  };
  output.line(`packing: a synthetic ${BLOCKS}-block trajectory, packed into one prefix-tree row`);
  await benchEncoder(output, input, await loadQwen3Encoder());
  await benchEncoder(output, input, createCharsEncoder());
}

/** Trie packing: time, and memory of the interval form beside a dense attention mask. */
export const PACKING_BENCH: BenchSuite = {
  name: 'packing',
  description: 'trie packing of a 16-block ~40k-token trajectory: time, packed bytes vs a dense L×L mask',
  run: (output) => runPackingBench(output),
};
