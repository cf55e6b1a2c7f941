import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderUserPrompt, runOrchestration, validateFormat } from '@threadloom/threading';
import { corpusEntries } from '../support/corpus.js';
import { httpEngine } from '../support/http-engine.js';
import { startSim, type SimProcess } from './sim-client.js';

const corpus = corpusEntries();
const wellFormed = corpus.filter((e) => validateFormat(e.trajectory).ok && !e.trajectory.includes('<|im_end|>'));
const malformed = corpus.filter((e) => !wellFormed.includes(e));

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
      expect(run.termination.reason).not.toBe('engine_error');
      expect(run.requests).toBeGreaterThan(0);
    },
  );
});
