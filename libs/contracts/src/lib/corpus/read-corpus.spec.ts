import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusLoadError } from './corpus-load.error.js';
import { parseCorpus } from './parse-corpus.js';
import { loadCorpusFile, readCorpusDir } from './read-corpus.js';

const line = (id: string): string => JSON.stringify({ id, problem: `p ${id}`, answer: '1', trajectory: 't' });

describe('parseCorpus', () => {
  it('reads entries, ignoring blank lines', () => {
    expect(parseCorpus(`${line('a')}\n\n`)).toEqual({
      ok: true,
      value: [{ id: 'a', problem: 'p a', answer: '1', trajectory: 't' }],
    });
  });

  it('reports bad lines and duplicate ids without throwing', () => {
    expect(parseCorpus(`${line('a')}\n{"id":"b"}\nnot json\n${line('a')}`)).toEqual({
      ok: false,
      issues: [
        'line 2: problem Invalid input: expected string, received undefined, answer Invalid input: expected string, received undefined, trajectory Invalid input: expected string, received undefined',
        'line 3:  Invalid input: expected object, received undefined',
        'line 4: duplicate id a',
      ],
    });
  });
});

describe('corpus files', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
  const write = (files: Record<string, string>): string => {
    dir = mkdtempSync(join(tmpdir(), 'threadloom-corpus-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('reads every .jsonl file of a directory in name order', () => {
    const path = write({ 'b.jsonl': `${line('b1')}\n`, 'a.jsonl': `${line('a1')}\n${line('a2')}\n`, 'notes.txt': 'x' });
    expect(readCorpusDir(path).map((entry) => entry.id)).toEqual(['a1', 'a2', 'b1']);
  });

  it('fails with the file and line of a bad entry instead of skipping it', async () => {
    const path = write({ 'a.jsonl': `${line('a1')}\nnot json\n` });
    const file = join(path, 'a.jsonl');
    expect(() => readCorpusDir(path)).toThrow(CorpusLoadError);
    expect(() => readCorpusDir(path)).toThrow(`invalid corpus ${file}: line 2:`);
    await expect(loadCorpusFile(file)).rejects.toThrow(`invalid corpus ${file}: line 2:`);
  });

  it('names a directory or file it cannot read', async () => {
    expect(() => readCorpusDir('/nonexistent-corpus-dir')).toThrow(
      'cannot read corpus directory /nonexistent-corpus-dir',
    );
    await expect(loadCorpusFile('/nonexistent.jsonl')).rejects.toThrow('cannot read corpus /nonexistent.jsonl');
  });
});
