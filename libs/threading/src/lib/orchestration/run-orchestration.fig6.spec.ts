import { describe, expect, it } from 'vitest';
import { THREADWEAVER_DIALECT } from '../dialect/index.js';
import type { CompletionResult } from './engine.js';
import canonical from './fixtures/fig6-canonical-sft-text.json' with { type: 'json' };
import trace from './fixtures/fig6-orchestrator-trace.json' with { type: 'json' };
import { unitCompletion, unitPrompt } from './call-units.js';
import { runOrchestration } from './run-orchestration.js';
import { ScriptedEngine } from '../../testing/scripted-engine.js';

const ASSISTANT_START = '<|im_start|>assistant\n';
const EOS = THREADWEAVER_DIALECT.endOfSequence;
const EOS_STOP = `${EOS} (EOS)`;

/** The trace's completions, with its "(EOS)" stop turned into the engine contract: no EOS text, stopReason null. */
function toResult(completion: string, stop: string): CompletionResult {
  if (stop === EOS_STOP) {
    expect(completion.endsWith(EOS)).toBe(true);
    const text = completion.slice(0, -EOS.length);
    return { text, finishReason: 'stop', stopReason: null, completionTokens: text.length };
  }
  expect(completion.endsWith(stop)).toBe(true);
  return { text: completion, finishReason: 'stop', stopReason: stop, completionTokens: completion.length };
}

function fig6() {
  const text = canonical.text;
  const assistantAt = text.indexOf(ASSISTANT_START) + ASSISTANT_START.length;
  expect(text.endsWith(`${EOS}\n`)).toBe(true);
  return {
    prompt: text.slice(0, assistantAt),
    assistant: text.slice(assistantAt, -1),
    engine: new ScriptedEngine(
      trace.map((row) => ({ promptSuffix: row.prompt_suffix, result: toResult(row.completion, row.stop) })),
    ),
  };
}

describe('runOrchestration on the Figure 6 trace', () => {
  it('issues exactly the 7 recorded requests, in order, and reproduces the canonical text byte for byte', async () => {
    const { prompt, assistant, engine } = fig6();
    const run = await runOrchestration(prompt, engine);
    expect(engine.requests).toHaveLength(7);
    engine.requests.forEach((request, index) => {
      const row = trace[index]!;
      expect(request.prompt.endsWith(row.prompt_suffix)).toBe(true);
      const expectedStop =
        row.phase === 'sequential' ? THREADWEAVER_DIALECT.sequentialStop : THREADWEAVER_DIALECT.threadStop;
      expect(request.stop).toEqual([expectedStop]);
    });
    expect(run.text + EOS).toBe(assistant);
    expect(run.requests).toBe(7);
    expect(run.termination).toEqual({ reason: 'eos' });
  });

  it('records one unit per request with the recorded phases, rebuilding each prompt and completion', async () => {
    const { prompt, engine } = fig6();
    const run = await runOrchestration(prompt, engine);
    const phases = run.units.map((unit) => (unit.kind === 'sequential' ? 'sequential' : `thread ${unit.thread}`));
    expect(phases).toEqual(trace.map((row) => row.phase));
    run.units.forEach((unit, index) => {
      expect(unitPrompt(run.state, unit)).toBe(engine.requests[index]!.prompt);
      expect(unitCompletion(run.state, unit)).toBe(toResult(trace[index]!.completion, trace[index]!.stop).text);
    });
  });

  it('keeps a JSON-serializable state with two joined blocks and no orchestrator block closes', async () => {
    const { prompt, engine } = fig6();
    const { state } = await runOrchestration(prompt, engine);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.blocks.map((block) => [block.spawned, block.closedByOrchestrator, block.dropped])).toEqual([
      [['1', '2'], false, []],
      [['1', '2'], false, []],
    ]);
    expect(state.iteration).toBe(5);
    expect(state.generatedTokens).toBe(run6Tokens());
  });

  it('decodes threads one at a time with maxConcurrentThreads 1 and gets the same text', async () => {
    const { prompt, assistant, engine } = fig6();
    const run = await runOrchestration(prompt, engine, { maxConcurrentThreads: 1 });
    expect(run.text + EOS).toBe(assistant);
  });
});

function run6Tokens(): number {
  return trace.reduce((sum, row) => sum + toResult(row.completion, row.stop).completionTokens, 0);
}
