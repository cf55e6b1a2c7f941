// The RL loss mask: exactly the tokens the model generated, each once, in the context it generated them in.
// Checked node by node on the symbolic reference vector and by count on the Figure 6 trajectory.
import { describe, expect, it } from 'vitest';
import { THREADWEAVER_DIALECT } from '../dialect/index.js';
import type { CompletionResult } from '../orchestration/engine.js';
import canonical from '../orchestration/fixtures/fig6-canonical-sft-text.json' with { type: 'json' };
import trace from '../orchestration/fixtures/fig6-orchestrator-trace.json' with { type: 'json' };
import { runOrchestration } from '../orchestration/run-orchestration.js';
import { ScriptedEngine } from '../../testing/scripted-engine.js';
import { createCharsEncoder } from './chars-encoder.js';
import { SYMBOLIC_UNITS } from './fixtures/symbolic-trie.fixture.js';
import type { GeneratedRange } from './generated-ranges.js';
import { IGNORE_LABEL } from './pack-labels.js';
import { packTrajectory } from './pack-trajectory.js';
import type { PackedSequence } from './packed-sequence.js';
import { rolloutPackInput } from './rollout-pack-input.js';
import type { TokenEncoder } from './token-encoder.js';

/** One id per whitespace-separated symbol; tags by their symbol (as in pack-trajectory.spec.ts). */
function symbolicEncoder(): TokenEncoder {
  const ids = new Map<string, number>();
  const idOf = (symbol: string): number => ids.get(symbol) ?? (ids.set(symbol, ids.size), ids.size - 1);
  return {
    name: 'symbolic',
    encode: (text) => (text.trim() === '' ? [] : text.trim().split(/\s+/).map(idOf)),
    specialId: idOf,
  };
}

/** The ranges of `pieces` found in order in `text`. */
function rangesOf(text: string, pieces: readonly string[]): GeneratedRange[] {
  let from = 0;
  return pieces.map((piece) => {
    const start = text.indexOf(piece, from);
    expect(text.slice(start, start + piece.length)).toBe(piece);
    from = start + piece.length;
    return { start, end: from };
  });
}

const trained = (packed: PackedSequence): number[] =>
  Array.from(packed.lossMask).flatMap((value, index) => (value === 1 ? [index] : []));
const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0);

describe('the RL loss mask on the symbolic reference vector', () => {
  const response = (SYMBOLIC_UNITS[0] ?? '').split(' ').slice(2).join(' ');
  // The seven engine calls' completions; headers (`\n <Thread> \n k :`) and join suffixes are inserted.
  const calls = [
    '<Think> a <Parallel> \\n <Outlines> o1 o2 </Outlines>',
    'x1 </Thread>',
    'y1 y2 </Thread>',
    '</Parallel> b <Parallel> \\n <Outlines> p1 p2 </Outlines>',
    'z1 </Thread>',
    'w1 </Thread>',
    '</Parallel> c END',
  ];

  it('trains the 28 generated tokens once each: thread 2 in its copy, never where it stands in the join', () => {
    const result = packTrajectory(
      { prompt: 'U', response, generated: rangesOf(response, calls) },
      {
        encoder: symbolicEncoder(),
      },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // Target node = index + 1 (own child). Block 1: 1–8, 14–15 (thread 1), copy 55–57 (thread 2), never 20–22.
    // Block 2: 24–31, 37–38, copy 51–52, never 43–44. Then 46–48 (</Parallel> c END).
    const targets = trained(result.value).map((index) => index + 1);
    expect(targets).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31, 37, 38, 46, 47, 48, 51, 52, 55, 56, 57,
    ]);
    // 28 = the trajectory's total generated tokens in the reference's worked metric example.
    expect(sum(result.value.lossMask)).toBe(28);
    for (let index = 0; index < result.value.labels.length; index += 1) {
      const label = result.value.labels[index];
      expect(label === IGNORE_LABEL).toBe(result.value.lossMask[index] === 0);
    }
  });

  it('keeps the SFT mask without ranges and refuses ranges that are out of order or outside the text', () => {
    const sft = packTrajectory({ prompt: 'U', response }, { encoder: symbolicEncoder() });
    expect(sft.ok && sum(sft.value.lossMask)).toBe(48 + 4 + 5 - 2);
    const cases: GeneratedRange[][] = [
      [
        { start: 5, end: 9 },
        { start: 2, end: 4 },
      ],
      [{ start: 0, end: response.length + 1 }],
      [{ start: 4, end: 3 }],
    ];
    for (const generated of cases) {
      const bad = packTrajectory({ prompt: 'U', response, generated }, { encoder: symbolicEncoder() });
      expect(bad.ok ? [] : bad.issues.map((issue) => issue.code)).toEqual(['bad_generated_range']);
    }
  });
});

const EOS = THREADWEAVER_DIALECT.endOfSequence;

function toResult(completion: string, stop: string): CompletionResult {
  const eos = stop === `${EOS} (EOS)`;
  const text = eos ? completion.slice(0, -EOS.length) : completion;
  return { text, finishReason: 'stop', stopReason: eos ? null : stop, completionTokens: text.length };
}

async function figure6() {
  const text = canonical.text;
  const prompt = text.slice(0, text.indexOf('<|im_start|>assistant\n') + '<|im_start|>assistant\n'.length);
  const engine = new ScriptedEngine(
    trace.map((row) => ({ promptSuffix: row.prompt_suffix, result: toResult(row.completion, row.stop) })),
  );
  return (await runOrchestration(prompt, engine)).state;
}

describe('the RL loss mask on the Figure 6 trajectory (chars encoder: one id per code point, tags one id)', () => {
  it('trains the 908 tokens of the seven completions and none of the 20 inserted tokens or of thread 2 in the joins', async () => {
    const state = await figure6();
    const encoder = createCharsEncoder();
    const input = rolloutPackInput(state);
    expect(input.response).toBe(canonical.text.slice(canonical.text.indexOf('<think>'), -1));
    const rl = packTrajectory(input, { encoder });
    const sft = packTrajectory({ prompt: input.prompt, response: input.response }, { encoder });
    if (!rl.ok || !sft.ok) throw new Error('Figure 6 does not pack');
    // Prompt 141 + response 928 (EOS included) + copies of thread 2: block 2 "2:" + 77, block 1 "2:" + 99.
    expect([rl.value.promptTokens, rl.value.inputIds.length]).toEqual([141, 141 + 928 + 79 + 101]);
    expect(Array.from(rl.value.inputIds)).toEqual(Array.from(sft.value.inputIds));
    // Completions as the trace records them: 258 + 71 + 99 + 138 + 71 + 77 + 194 (the last with EOS).
    const generated = trace.map((row) => encoder.encode(row.completion).length);
    expect(generated).toEqual([258, 71, 99, 138, 71, 77, 194]);
    expect(sum(rl.value.lossMask)).toBe(908);
    expect(rl.value.inputIds.length - sum(rl.value.lossMask)).toBe(341);
    // The SFT mask trains the 928 assistant tokens of the main path and 178 copy tokens (a copy's first token,
    // "2", hangs off its fork and is no one's own next token): 198 more, which are the 20 inserted tokens
    // (headers, joins), thread 2 where it stands in both joins (99 + 77) and the ":" of both copies.
    expect(sum(sft.value.lossMask)).toBe(928 + 79 + 101 - 2);
    // Same nodes in both rows: every target the RL row trains, the SFT row trains too; the difference is those 198.
    const trainedBy = (mask: Uint8Array) => [...mask.keys()].filter((node) => mask[node] === 1);
    const sftTrained = new Set(trainedBy(sft.value.lossMask));
    expect(trainedBy(rl.value.lossMask).filter((node) => !sftTrained.has(node))).toEqual([]);
    expect(sftTrained.size - sum(rl.value.lossMask)).toBe(20 + 99 + 77 + 2);
  });

  it('trains the generated text and nothing else, read back from the targets', async () => {
    const state = await figure6();
    const encoder = createCharsEncoder();
    const rl = packTrajectory(rolloutPackInput(state), { encoder });
    if (!rl.ok) throw new Error('Figure 6 does not pack');
    const decode = (id: number): string =>
      id >= 0x110000
        ? ([...THREADWEAVER_DIALECT.specialTokens, '<|im_start|>', EOS][id - 0x110000] ?? '?')
        : String.fromCodePoint(id);
    const targets = Array.from(rl.value.labels)
      .filter((label) => label !== IGNORE_LABEL)
      .map(decode)
      .join('');
    // Main path first (sequential steps and thread 1 of each block), then the copies, deepest block first.
    const [s1, t11, t12, s2, t21, t22, s3] = trace.map((row) => row.completion);
    expect(targets).toBe([s1, t11, s2, t21, s3, t22, t12].join(''));
  });
});
