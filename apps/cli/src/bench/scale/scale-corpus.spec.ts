import { parseTrajectory, validateFormat } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { forkProblem, forkTrajectory } from './scale-corpus.js';

describe('scale bench corpus', () => {
  it.each([2, 4, 8])('replays one strictly valid block of %i threads per problem', (threads) => {
    const text = forkTrajectory(threads);
    expect(validateFormat(text)).toEqual({ ok: true, issues: [] });
    const parsed = parseTrajectory(text);
    expect(parsed.ok).toBe(true);
    expect(text.match(/<Thread>/g)).toHaveLength(threads);
    expect(text).toContain(`\\boxed{${(threads * 25 * (threads * 25 + 1)) / 2}}`);
    expect(forkProblem(threads)).toContain(`in ${threads} parts`);
  });
});
