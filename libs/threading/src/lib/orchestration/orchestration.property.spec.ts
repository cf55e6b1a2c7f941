import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THREADWEAVER_DIALECT } from '../dialect/index.js';
import type { CompletionRequest, CompletionResult, Engine } from './engine.js';
import type { OrchestratorOptions } from './orchestrator-options.js';
import { TERMINATION_REASONS } from './orchestrator-state.js';
import { runOrchestration } from './run-orchestration.js';

const D = THREADWEAVER_DIALECT;
const TAG_KEYS = ['reasoning', 'block', 'plan', 'planItem', 'branch', 'conclusion'] as const;
const TAGS = TAG_KEYS.flatMap((key) => [D.tags[key].open, D.tags[key].close]);
const fragment = fc.oneof(
  fc.constantFrom(...TAGS, D.endOfSequence, '\n', ' '),
  fc.constantFrom('1', '2', '1.2', 'x').map((n) => `${D.tags.planItem.open}${n}: t${D.tags.planItem.close}\n`),
  fc.string({ maxLength: 8 }),
);

/** One scripted engine answer: random text with random tags; the stop string is decided per request. */
interface RandomAnswer {
  readonly text: string;
  readonly finish: 'stop-requested' | 'stop-null' | 'stop-other' | 'length' | 'throw';
  readonly tokens: number;
  readonly promptTokens: number | undefined;
}

const items = fc
  .array(fc.constantFrom('1', '2', '3', '2', '1.1'), { minLength: 1, maxLength: 5 })
  .map((numbers) => numbers.map((n) => `${D.tags.planItem.open}${n}: t${D.tags.planItem.close}\n`).join(''));
// Most answers are plans, so many runs fork and join one or more blocks.
const text = fc.oneof(
  { arbitrary: fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.array(fragment, { maxLength: 4 }), items)
      .map(([parts, plan]) => `${parts.join('')}${D.tags.plan.open}\n${plan}`),
    weight: 3,
  },
);

const answer: fc.Arbitrary<RandomAnswer> = fc.record({
  text,
  finish: fc.constantFrom(
    'stop-requested',
    'stop-requested',
    'stop-requested',
    'stop-requested',
    'stop-null',
    'stop-other',
    'length',
    'throw',
  ),
  tokens: fc.integer({ min: -3, max: 400 }),
  promptTokens: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined, freq: 1 }),
});

const options: fc.Arbitrary<Partial<OrchestratorOptions>> = fc.record(
  {
    mode: fc.constantFrom('parallel', 'parallel', 'sequential'),
    maxTotalTokens: fc.integer({ min: 1, max: 2000 }),
    maxTokensPerThread: fc.integer({ min: 1, max: 500 }),
    maxTokensPerStep: fc.integer({ min: 1, max: 500 }),
    maxThreadsPerBlock: fc.integer({ min: 1, max: 4 }),
    maxIterations: fc.integer({ min: 1, max: 12 }),
    maxContextTokens: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: null }),
    appendBlockCloseAtJoin: fc.boolean(),
    onThreadFailure: fc.constantFrom('fail', 'drop'),
  },
  { requiredKeys: [] },
);

function randomEngine(answers: readonly RandomAnswer[]): Engine & { calls: number } {
  const engine = {
    calls: 0,
    complete(request: CompletionRequest): Promise<CompletionResult> {
      const next = answers[engine.calls++ % answers.length]!;
      if (next.finish === 'throw') return Promise.reject(new Error('random engine failure'));
      const stop = request.stop[0];
      const stopped = next.finish === 'stop-requested' && stop !== undefined;
      const stopReason = stopped ? stop : next.finish === 'stop-other' ? '</Other>' : null;
      return Promise.resolve({
        text: stopped ? next.text + stop : next.text,
        finishReason: next.finish === 'length' ? 'length' : 'stop',
        stopReason,
        completionTokens: Math.min(next.tokens, request.maxTokens),
        ...(next.promptTokens === undefined ? {} : { promptTokens: next.promptTokens }),
      });
    },
  };
  return engine;
}

describe('orchestration under random engine outputs', () => {
  it('always terminates within maxIterations steps, within budget, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 30 }), options, async (answers, runOptions) => {
        const engine = randomEngine(answers);
        const run = await runOrchestration('P:', engine, runOptions);
        const { state } = run;
        const maxIterations = state.options.maxIterations;
        expect(TERMINATION_REASONS).toContain(run.termination.reason);
        expect(state.phase).toBe('done');
        expect(state.iteration).toBeLessThanOrEqual(maxIterations);
        expect(engine.calls).toBe(run.requests);
        expect(run.requests).toBeLessThanOrEqual(maxIterations * state.options.maxThreadsPerBlock);
        expect(state.generatedTokens).toBeLessThanOrEqual(state.options.maxTotalTokens);
        expect(run.text.includes(D.endOfSequence)).toBe(false);
        for (const unit of run.units) expect(unit.completionEnd).toBeLessThanOrEqual(run.text.length);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});
