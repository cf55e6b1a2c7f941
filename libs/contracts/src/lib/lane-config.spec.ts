import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { laneEnvShape, laneLayoutIssues, parseLaneList } from './lane-config.js';

describe('lane configuration', () => {
  it('defaults to one lane and refuses counts outside 1..1024', () => {
    const schema = z.object(laneEnvShape);
    expect(schema.parse({}).LANES).toBe(1);
    expect(schema.parse({ LANES: '6' }).LANES).toBe(6);
    expect(schema.safeParse({ LANES: '0' }).success).toBe(false);
    expect(schema.safeParse({ LANES: '1025' }).success).toBe(false);
  });

  it('needs a hash tag in the prefix for several lanes', () => {
    expect(laneLayoutIssues('plain', 1)).toEqual([]);
    expect(laneLayoutIssues('{tl}', 4)).toEqual([]);
    expect(laneLayoutIssues('plain', 4)[0]).toMatch(/^LANES: 4 lanes need a \{hash tag\}/);
  });

  it('parses worker lane lists, every lane when unset', () => {
    expect(parseLaneList(undefined, 3)).toEqual({ ok: true, value: [0, 1, 2] });
    expect(parseLaneList('2, 0-1,1', 4)).toEqual({ ok: true, value: [0, 1, 2] });
    for (const bad of ['4', '2-1', 'a', '-1', '1-'])
      expect(parseLaneList(bad, 4)).toMatchObject({ ok: false, issues: [expect.stringMatching(/^WORKER_LANES: /)] });
  });
});
