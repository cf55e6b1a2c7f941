import { validateFormat } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './load-corpus.js';
import { parseCorpus } from './parse-corpus.js';

describe('parseCorpus', () => {
  it('reports bad lines and duplicate ids without throwing', () => {
    const good = JSON.stringify({ id: 'a', problem: 'p', answer: '1', trajectory: 't' });
    expect(parseCorpus(`${good}\n\n`)).toMatchObject({ ok: true, value: [{ id: 'a' }] });
    const bad = parseCorpus(`${good}\n{"id":"b"}\nnot json\n${good}`);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.issues).toHaveLength(3);
  });
});

describe('shipped corpus', () => {
  it('has the Fig-6 example and at least 30 team-written problems, a few of them malformed', async () => {
    const corpus = await loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(31);
    expect(corpus[0]?.id).toBe('fig6-quadratic');
    const malformed = corpus.filter((e) => !validateFormat(e.trajectory).ok || e.trajectory.includes('<|im_end|>'));
    expect(malformed.length).toBeGreaterThanOrEqual(3);
  });
});
