import {
  createCharsEncoder,
  renderUserPrompt,
  runOrchestration,
  type Engine,
  type OrchestratorState,
} from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { groupSpecFixture } from '../testing/group-spec.fixture.js';
import { twoThreadEngine, type ScriptedReply } from '../testing/two-thread-engine.js';
import { expandedRows, packedRow, type RowContext } from './export-rows.js';

const EOS_ID = 151645;
/** Ids an engine might return: distinct from the chars encoder's, so the test sees whose ids a row holds. */
const ids = (text: string): number[] => Array.from(text, (char) => 1000 + char.charCodeAt(0));

/** The two-thread engine ending its answer on EOS; with `withIds`, the ids as vLLM's return_token_ids. */
function engine(withIds: boolean): Engine & { sent: { prompt: number[]; output: number[] }[] } {
  const sent: { prompt: number[]; output: number[] }[] = [];
  const reply: ScriptedReply = (prompt, text, stopReason) => {
    const output = [...ids(text), ...(stopReason === null ? [EOS_ID] : [])];
    sent.push({ prompt: ids(prompt), output });
    const result = { text, finishReason: 'stop' as const, stopReason, completionTokens: output.length };
    return Promise.resolve(withIds ? { ...result, promptTokenIds: ids(prompt), tokenIds: output } : result);
  };
  return { ...twoThreadEngine({ reply }), sent };
}

const context = {
  spec: groupSpecFixture(1),
  outcome: { member: 0, requestId: 'r0', seed: 100, status: 'completed', correct: true, reward: 1, advantage: 0.5 },
} as unknown as RowContext;

async function run(withIds: boolean): Promise<{ state: OrchestratorState; sent: ReturnType<typeof engine>['sent'] }> {
  const fake = engine(withIds);
  const { state } = await runOrchestration(renderUserPrompt('What is 2+3?'), fake, { maxConcurrentThreads: 1 });
  return { state, sent: fake.sent };
}

describe('expanded rows', () => {
  it('carry the engine’s own prompt and generated ids, EOS included, and say token_source engine', async () => {
    const { state, sent } = await run(true);
    const rows = expandedRows(context, state, createCharsEncoder());
    expect(rows).toHaveLength(4);
    rows.forEach((row, index) => {
      expect(row.token_source).toBe('engine');
      expect(row.prompt_ids).toEqual(sent[index]!.prompt);
      expect(row.response_ids).toEqual(sent[index]!.output);
    });
    expect(rows[3]!.response_ids.at(-1)).toBe(EOS_ID);
  });

  it('fall back to the encoder and say token_source tokenizer when the engine returned no ids', async () => {
    const { state } = await run(false);
    const encoder = createCharsEncoder();
    const rows = expandedRows(context, state, encoder);
    expect(rows.map((row) => row.token_source)).toEqual(['tokenizer', 'tokenizer', 'tokenizer', 'tokenizer']);
    expect(rows[0]!.prompt_ids).toEqual(encoder.encode(state.prompt));
  });
});

describe('packed rows', () => {
  it('build the trie from the engine’s ids and train exactly what each call generated, saying engine', async () => {
    const { state, sent } = await run(true);
    const row = packedRow(context, state, createCharsEncoder());
    expect(row).toMatchObject({ ok: true, token_source: 'engine', units: 4, prompt_tokens: sent[0]!.prompt.length });
    if (!row.ok) throw new Error('not packed');
    const trained = row.labels.filter((label) => label !== -100);
    const generated = sent.flatMap((call) => call.output);
    expect(trained.sort((a, b) => a - b)).toEqual(generated.sort((a, b) => a - b));
    expect(row.input_ids.slice(0, sent[0]!.prompt.length)).toEqual(sent[0]!.prompt);
    expect(row.advantages.filter((value) => value !== 0)).toHaveLength(generated.length);
  });

  it('fall back to the encoder over the text and say tokenizer when the engine returned no ids', async () => {
    const { state } = await run(false);
    const encoder = createCharsEncoder();
    const row = packedRow(context, state, encoder);
    expect(row).toMatchObject({ ok: true, token_source: 'tokenizer' });
    if (!row.ok) throw new Error('not packed');
    expect(row.input_ids.slice(0, encoder.encode(state.prompt).length)).toEqual(encoder.encode(state.prompt));
  });
});
