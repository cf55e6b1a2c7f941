import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderUserPrompt, runOrchestration, validateFormat } from '@threadloom/threading';
import { corpusEntries } from '../support/corpus.js';
import { httpEngine } from '../support/http-engine.js';
import { startSim, type SimProcess } from './sim-client.js';

const corpus = corpusEntries();
const wellFormed = corpus.filter((e) => validateFormat(e.trajectory).ok && !e.trajectory.includes('<|im_end|>'));
const malformed = corpus.filter((e) => !wellFormed.includes(e));
/**
 * How each malformed entry ends: one engine call up to the block's fork, one per outline, and one more after
 * the block unless a thread ended the run at EOS (the unclosed block's last thread runs to the end of the text).
 */
const MALFORMED_ENDS: Readonly<Record<string, { reason: string; requests: number }>> = {
  'digit-sum-2-pow-20-unclosed': { reason: 'thread_eos', requests: 1 + 2 },
  'lcm-three-eos-in-thread': { reason: 'thread_eos', requests: 1 + 2 },
  'mod-nine-zero-outlines': { reason: 'eos', requests: 1 + 0 + 1 },
};

describe('the in-process orchestrator against engine-sim reproduces the corpus', () => {
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSim(['--time-scale', '0']);
  });
  afterAll(() => sim.stop());

  it('has both well-formed and malformed entries', () => {
    expect(wellFormed.length).toBeGreaterThanOrEqual(28);
    expect(malformed.map((e) => e.id).sort()).toEqual([
      'digit-sum-2-pow-20-unclosed',
      'lcm-three-eos-in-thread',
      'mod-nine-zero-outlines',
    ]);
  });

  it.each(wellFormed.map((e) => [e.id, e] as const))(
    'replays %s byte for byte through fork and join',
    async (_id, entry) => {
      const run = await runOrchestration(renderUserPrompt(entry.problem), httpEngine(sim.url));
      expect(run.text).toBe(entry.trajectory);
    },
  );

  it.each(malformed.map((e) => [e.id, e] as const))(
    'ends the malformed %s without an engine error',
    async (_id, entry) => {
      const run = await runOrchestration(renderUserPrompt(entry.problem), httpEngine(sim.url));
      expect({ reason: run.termination.reason, requests: run.requests }).toEqual(MALFORMED_ENDS[entry.id]);
    },
  );
});
