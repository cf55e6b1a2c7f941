import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultLine } from './result-line.js';
import { ResultsFile } from './results-file.js';

const line = (id: string, status = 'completed'): ResultLine => ({
  id,
  custom_id: `c-${id}`,
  status,
  response: null,
  error: null,
});

describe('ResultsFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-results-'));
  afterEach(() => rmSync(join(dir, 'out.jsonl'), { force: true }));

  it('appends one line per request and never a second one', () => {
    const file = ResultsFile.open(join(dir, 'out.jsonl'));
    expect(file.append(line('a'))).toBe(true);
    expect(file.append(line('a', 'failed'))).toBe(false);
    expect(file.append(line('b'))).toBe(true);
    expect(readFileSync(file.path, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('reopens what an earlier run wrote, dropping a last line cut short by a crash', () => {
    const path = join(dir, 'out.jsonl');
    writeFileSync(path, `${JSON.stringify(line('a'))}\n${JSON.stringify(line('a'))}\n{"id":"b","sta`);
    const file = ResultsFile.open(path);
    expect(file.lines().map((entry) => entry.id)).toEqual(['a']);
    expect(file.has('b')).toBe(false);
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
    file.append(line('b'));
    expect(
      ResultsFile.open(path)
        .lines()
        .map((entry) => entry.id),
    ).toEqual(['a', 'b']);
  });

  it('counts one result per input line, the newest, when a line was sent again', () => {
    const file = ResultsFile.open(join(dir, 'out.jsonl'));
    file.append({ ...line('a'), line: 1 });
    file.append({ ...line('b', 'failed'), line: 2 });
    file.append({ ...line('c'), line: 2 });
    expect(file.latestPerLine().map((entry) => entry.id)).toEqual(['a', 'c']);
    expect(file.lines()).toHaveLength(3);
  });
});
