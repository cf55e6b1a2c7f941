import { describe, expect, it } from 'vitest';
import { runCliFromSource } from '../testing/run-cli-from-source.js';
import { UNREADABLE_FILE, validateFiles, type ValidateIo, type ValidateLine } from './validate.command.js';

const GOOD =
  '<think>\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: b\n</Thread>\n</Parallel>\ndone\n</think>\n\n5';
const THINK_IN_THREAD =
  '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: <think> b\n</Thread>\n</Parallel>';

function fakeIo(files: Record<string, string>): { io: ValidateIo; lines: () => ValidateLine[] } {
  const written: string[] = [];
  const io: ValidateIo = {
    write: (line) => written.push(line),
    readText: (file) => {
      const text = files[file];
      return text === undefined ? Promise.reject(new Error(`ENOENT: ${file}`)) : Promise.resolve(text);
    },
  };
  return { io, lines: () => written.map((line) => JSON.parse(line) as ValidateLine) };
}

describe('validateFiles', () => {
  it('prints one JSON line per file with issues and metrics, exit 0 when all are ok', async () => {
    const { io, lines } = fakeIo({ 'good.txt': GOOD });
    expect(await validateFiles(['good.txt'], { mode: 'strict', tokenizer: 'chars' }, io)).toBe(0);
    const [line] = lines();
    expect(line).toMatchObject({ file: 'good.txt', ok: true, issues: [] });
    // In this order; one thread, so the whole response is on the critical path (chars tokenizer: tags are one token).
    expect(Object.entries(line!.metrics!)).toEqual([
      ['totalTokens', 35],
      ['criticalPathTokens', 35],
      ['acceleration', 0],
      ['parallelRatio', 0.6],
      ['blocks', 1],
      ['threadsPerBlock', 1],
    ]);
  });

  it('exits 1 when a file fails, and reports unreadable files per file', async () => {
    const { io, lines } = fakeIo({ 'bad.txt': THINK_IN_THREAD });
    expect(await validateFiles(['bad.txt', 'missing.txt'], { mode: 'strict', tokenizer: 'chars' }, io)).toBe(1);
    const [bad, missing] = lines();
    expect(bad!.issues).toEqual([
      {
        code: 'tag_inside_thread',
        message: expect.stringContaining('threads_match_outlines'),
        offset: 70,
        tag: '<think>',
      },
    ]);
    expect(missing).toMatchObject({
      file: 'missing.txt',
      ok: false,
      metrics: null,
      issues: [{ code: UNREADABLE_FILE, offset: 0 }],
    });
  });

  it('applies the lenient mode', async () => {
    const { io } = fakeIo({ 'bad.txt': THINK_IN_THREAD });
    expect(await validateFiles(['bad.txt'], { mode: 'lenient', tokenizer: 'chars' }, io)).toBe(0);
  });
});

describe('threadloom validate (process)', () => {
  const cli = (args: string[], input?: string) => runCliFromSource(['validate', ...args], input);

  it('reads stdin for "-" and exits 0 when valid, 1 when not', () => {
    const ok = cli(['--tokenizer', 'chars', '-'], GOOD);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ file: '-', ok: true });
    const bad = cli(['--strict', '--tokenizer', 'chars', '-'], THINK_IN_THREAD);
    expect(bad.status).toBe(1);
  });

  it('--strict rejects a foreign tag inside a block, naming the tag and its offset; --lenient accepts it', () => {
    const withBold = GOOD.replace('1: b', '1: <b>b</b>');
    const strict = cli(['--strict', '--tokenizer', 'chars', '-'], withBold);
    expect(strict.status).toBe(1);
    expect((JSON.parse(strict.stdout) as ValidateLine).issues).toEqual([
      { code: 'foreign_tag', message: expect.stringContaining('<b>'), offset: withBold.indexOf('<b>'), tag: '<b>' },
      { code: 'foreign_tag', message: expect.stringContaining('</b>'), offset: withBold.indexOf('</b>'), tag: '</b>' },
    ]);
    expect(cli(['--lenient', '--tokenizer', 'chars', '-'], withBold).status).toBe(0);
    expect(cli(['--strict', '--tokenizer', 'chars', '-'], GOOD.replace('1: b', '1: 0 < b <= 2')).status).toBe(0);
  });

  it('exits 2 with a clear message on usage errors', () => {
    const both = cli(['--strict', '--lenient', 'x']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("cannot be used with option '--strict'");
    expect(cli(['--tokenizer', 'gpt2', 'x']).status).toBe(2);
    expect(cli([]).stderr).toContain("missing required argument 'files'");
  });
}, 60_000);
