import { describe, expect, it } from 'vitest';
import { parseTrajectory } from './parse-trajectory.js';
import { serializeTrajectory } from './serialize-trajectory.js';
import { FIG6_CANONICAL_RESPONSE } from './testing/fig6-response.fixture.js';

const roundTrip = (text: string): string => serializeTrajectory(parseTrajectory(text).value);

describe('serializeTrajectory', () => {
  it('round-trips the canonical Fig. 6 response byte for byte', () => {
    expect(roundTrip(FIG6_CANONICAL_RESPONSE)).toBe(FIG6_CANONICAL_RESPONSE);
  });

  it('canonicalizes paper-style whitespace', () => {
    const paper = '<Parallel>\n<Outlines>\n<Outline> 1:  a </Outline>\n</Outlines>\n<Thread>1: b</Thread>\n<Thread> 2:c </Thread>\n</Parallel>';
    expect(roundTrip(paper)).toBe(
      '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: b\n</Thread><Thread>\n2: c\n</Thread>\n</Parallel>',
    );
  });

  it('keeps a truncated trajectory truncated', () => {
    const truncated = '<think>\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: par';
    expect(roundTrip(truncated)).toBe(truncated);
  });

  it('writes a conclusion before the block close', () => {
    const text = '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: b\n</Thread>\n<Conclusion>c</Conclusion>\n</Parallel>';
    expect(roundTrip(text)).toBe(text);
  });
});
