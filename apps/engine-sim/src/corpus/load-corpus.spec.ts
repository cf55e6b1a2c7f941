import { validateFormat } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './load-corpus.js';

describe('shipped corpus', () => {
  it('has the Fig-6 example and 35 team-written problems, three of them malformed on purpose', async () => {
    const corpus = await loadCorpus();
    expect(corpus).toHaveLength(36);
    expect(corpus[0]?.id).toBe('fig6-quadratic');
    const malformed = corpus.filter((e) => !validateFormat(e.trajectory).ok || e.trajectory.includes('<|im_end|>'));
    expect(malformed.map((entry) => entry.id)).toEqual([
      'digit-sum-2-pow-20-unclosed',
      'mod-nine-zero-outlines',
      'lcm-three-eos-in-thread',
    ]);
  });
});
