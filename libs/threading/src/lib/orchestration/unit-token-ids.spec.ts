import { describe, expect, it } from 'vitest';
import { THREADWEAVER_DIALECT } from '../dialect/index.js';
import type { CompletionRequest, CompletionResult, Engine } from './engine.js';
import canonical from './fixtures/fig6-canonical-sft-text.json' with { type: 'json' };
import trace from './fixtures/fig6-orchestrator-trace.json' with { type: 'json' };
import { unitCompletion, unitPrompt } from './call-units.js';
import { promptPieces } from './prompt-pieces.js';
import { runOrchestration } from './run-orchestration.js';
import { unitPromptIds, unitSequenceIds } from './unit-token-ids.js';

const EOS = THREADWEAVER_DIALECT.endOfSequence;
/** A character-level "tokenizer": one id per UTF-16 unit, EOS as id 0 (its text is never kept). */
const ids = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const EOS_ID = 0;

/** Replays the Figure 6 trace, returning char ids as an engine with `return_token_ids` would. */
class IdEngine implements Engine {
  readonly requests: CompletionRequest[] = [];
  complete(request: CompletionRequest): Promise<CompletionResult> {
    const row = trace.find((candidate) => request.prompt.endsWith(candidate.prompt_suffix))!;
    this.requests.push(request);
    const eos = row.stop.startsWith(EOS);
    const text = eos ? row.completion.slice(0, -EOS.length) : row.completion;
    return Promise.resolve({
      text,
      finishReason: 'stop',
      stopReason: eos ? null : row.stop,
      completionTokens: text.length + (eos ? 1 : 0),
      promptTokenIds: ids(request.prompt),
      tokenIds: [...ids(text), ...(eos ? [EOS_ID] : [])],
    });
  }
}

async function figure6() {
  const text = canonical.text;
  const start = '<|im_start|>assistant\n';
  const engine = new IdEngine();
  const run = await runOrchestration(text.slice(0, text.indexOf(start) + start.length), engine);
  return { engine, run };
}

describe('token ids kept per call unit', () => {
  it('keeps each call’s prompt and generated ids, prompts stored against earlier units', async () => {
    const { engine, run } = await figure6();
    expect(run.units).toHaveLength(7);
    run.units.forEach((unit, index) => {
      expect(unitPromptIds(run.units, index)).toEqual(ids(engine.requests[index]!.prompt));
      const eos = index === 6 ? [EOS_ID] : [];
      expect(unit.tokenIds).toEqual([...ids(unitCompletion(run.state, unit)), ...eos]);
      expect(unitSequenceIds(run.units, index)).toEqual([...ids(unitPrompt(run.state, unit)), ...unit.tokenIds!]);
      expect(unit.idsReusable).toBe(index !== 6);
    });
    const stored = run.units.reduce((sum, unit) => sum + unit.promptIds!.tail.length, 0);
    const sent = engine.requests.reduce((sum, request) => sum + request.prompt.length, 0);
    // Only the first prompt and the inserted text after each earlier call are stored.
    expect(stored).toBeLessThan(sent / 3);
    expect(run.units[0]!.promptIds).toEqual({ from: -1, keep: 0, tail: ids(engine.requests[0]!.prompt) });
  });

  it('splits every prompt into inserted text and the generated ids of earlier calls, losing nothing', async () => {
    const { engine, run } = await figure6();
    run.units.forEach((_unit, index) => {
      const prompt = engine.requests[index]!.prompt;
      const pieces = promptPieces(run.state, prompt);
      expect(pieces.flatMap((piece) => ('text' in piece ? ids(piece.text) : piece.ids))).toEqual(ids(prompt));
      const reused = pieces.flatMap((piece) =>
        'ids' in piece ? [run.units.findIndex((u) => u.tokenIds === piece.ids)] : [],
      );
      // Figure 6's calls: step, 2 threads, step, 2 threads, step; each reuses every earlier call it contains.
      expect(reused).toEqual([[], [0], [0], [0, 1, 2], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3, 4, 5]][index]);
    });
  });

  it('keeps text for a completion whose ids are not exactly its kept text', async () => {
    const { engine, run } = await figure6();
    const units = run.units.map((unit) => ({ ...unit, idsReusable: false }));
    const prompt = engine.requests[6]!.prompt;
    expect(promptPieces({ ...run.state, units }, prompt)).toEqual([{ text: prompt }]);
  });
});
