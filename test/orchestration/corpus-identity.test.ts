// The whole shipped corpus through 3 simulated machines: byte-identical to the in-process runtime.
import { parseTrajectory } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { corpusEntries } from '../support/corpus.js';
import { problemSet } from './support/problems.js';
import { referenceTexts } from './support/reference.js';
import { startSim, startStack, type Stack } from './support/stack.js';

/** Blocks of `text` with more than one thread: the ones the orchestrator can spread over machines. */
function multiThreadBlocks(text: string): number {
  return parseTrajectory(text).value.segments.filter(
    (segment) => segment.kind === 'block' && segment.threads.length > 1,
  ).length;
}

describe('distributed runtime on the corpus', () => {
  const problems = problemSet();
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-corpus}',
      machines: 3,
      timeScale: 0.002,
      corpus: problems.corpus,
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('produces the in-process trajectory for every problem, threads spread over machines', async () => {
    const { sim, url } = await startSim({ timeScale: 0, corpus: problems.corpus });
    const expected = await referenceTexts(url, problems.prompts).finally(() => sim.stop());
    // The simulator replays the recorded trajectories (not synthetic text): the in-process runtime gets each
    // back whole, except two malformed entries: a block left unclosed (the orchestrator closes it) and an EOS
    // inside a thread (the block is joined and force-closed).
    const entries = corpusEntries();
    expect(expected).toHaveLength(entries.length);
    const differing = entries.filter((entry, index) => expected[index] !== entry.trajectory).map((entry) => entry.id);
    expect(differing).toEqual(['digit-sum-2-pow-20-unclosed', 'lcm-three-eos-in-thread']);
    const submitted = await Promise.all(
      problems.prompts.map((prompt) => stack.client.submit({ prompt, model: 'threadweaver-sim' })),
    );
    const views = await Promise.all(
      submitted.map((view) => stack.client.waitForResult(view.id, { timeoutMs: 90_000 })),
    );
    const machinesPerBlock: number[] = [];
    views.forEach((view, index) => {
      expect(view.status, view.error).toBe('completed');
      expect(view.result?.text).toBe(expected[index]);
      for (const block of view.result?.blocks ?? []) {
        if (block.threads.length > 1)
          machinesPerBlock.push(new Set(block.threads.map((thread) => thread.machine)).size);
      }
    });
    expect(machinesPerBlock).toHaveLength(expected.reduce((sum, text) => sum + multiThreadBlocks(text), 0));
    expect(Math.max(...machinesPerBlock)).toBeGreaterThan(1);
  });
});
