import { describe, expect, it } from 'vitest';
import { MULTIVERSE_DIALECT } from '../dialect/index.js';
import { parseTrajectory } from './parse-trajectory.js';
import { serializeTrajectory } from './serialize-trajectory.js';
import { FIG6_CANONICAL_RESPONSE } from './testing/fig6-response.fixture.js';

const roundTrip = (text: string): string => serializeTrajectory(parseTrajectory(text).value);

describe('serializeTrajectory', () => {
  it('round-trips the canonical Fig. 6 response byte for byte', () => {
    expect(roundTrip(FIG6_CANONICAL_RESPONSE)).toBe(FIG6_CANONICAL_RESPONSE);
  });

  it('canonicalizes paper-style whitespace', () => {
    const paper =
      '<Parallel>\n<Outlines>\n<Outline> 1:  a </Outline>\n</Outlines>\n<Thread>1: b</Thread>\n<Thread> 2:c </Thread>\n</Parallel>';
    expect(roundTrip(paper)).toBe(
      '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: b\n</Thread><Thread>\n2: c\n</Thread>\n</Parallel>',
    );
  });

  it('keeps a truncated trajectory truncated', () => {
    const truncated = '<think>\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: par';
    expect(roundTrip(truncated)).toBe(truncated);
  });

  it('writes a conclusion before the block close', () => {
    const text =
      '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: b\n</Thread>\n<Conclusion>c</Conclusion>\n</Parallel>';
    expect(roundTrip(text)).toBe(text);
  });

  it('drops a conclusion it cannot write after a thread left open (canonical form stays a fixed point)', () => {
    const text = '<Parallel><Conclusion>c</Conclusion>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>';
    const once = roundTrip(text);
    expect(once).toBe('<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n');
    expect(roundTrip(once)).toBe(once);
  });

  it('writes the tags of the given dialect', () => {
    const text =
      'x<Parallel>\n<Goal>\n<Outline>1: a</Outline>\n</Goal>\n<Path>\n1: b\n</Path><Path>\n2: c\n</Path>\n</Parallel>y';
    const dialect = MULTIVERSE_DIALECT;
    expect(serializeTrajectory(parseTrajectory(text, { dialect }).value, { dialect })).toBe(text);
  });
});
