import { describe, expect, it } from 'vitest';
import { runCliFromSource } from '../testing/run-cli-from-source.js';
import { gradeFile, gradeOne, parseGradeInput, type GradeIo } from './grade.command.js';

function fakeIo(files: Record<string, string>): { io: GradeIo; out: () => unknown[]; err: string[] } {
  const written: string[] = [];
  const err: string[] = [];
  const io: GradeIo = {
    write: (line) => written.push(line),
    writeError: (line) => err.push(line),
    readLines: (file) => {
      const text = files[file];
      if (text === undefined) throw new Error(`ENOENT: ${file}`);
      return text.split('\n');
    },
  };
  return { io, out: () => written.map((line) => JSON.parse(line) as unknown), err };
}

const JSONL = [
  JSON.stringify({ id: 'a', answer: String.raw`\dfrac{1}{2}`, truth: '0.5' }),
  '{ not json',
  '',
  JSON.stringify({ id: 7, answer: '(2,1)', truth: ['(1,2)'] }),
  JSON.stringify({ id: 'c', answer: 5, truth: '5' }),
  JSON.stringify({ id: 'd', answer: null, truth: '5' }),
  JSON.stringify([1]),
].join('\n');

describe('gradeFile', () => {
  it('prints one line per input in order; malformed lines get their own error line; exit 0', async () => {
    const { io, out } = fakeIo({ 'in.jsonl': JSONL });
    expect(await gradeFile('in.jsonl', { extract: false, afterThink: false }, io)).toBe(0);
    expect(out()).toEqual([
      { id: 'a', correct: true, reason: 'equivalent' },
      { id: null, line: 2, error: 'not valid JSON' },
      { id: 7, correct: false, reason: 'not-equal' },
      { id: 'c', line: 5, error: '"answer" must be a string or null' },
      { id: 'd', correct: false, reason: 'no-answer' },
      { id: null, line: 7, error: 'expected a JSON object' },
    ]);
  });

  it('extracts the boxed answer from whole responses with --extract', async () => {
    const lines = [
      JSON.stringify({
        id: 1,
        answer: String.raw`<think>x</think> so \boxed{1} no, \boxed{\frac{3}{4}}`,
        truth: '0.75',
      }),
      JSON.stringify({ id: 2, answer: String.raw`<think>\boxed{2}</think> none`, truth: '2' }),
    ].join('\n');
    const { io, out } = fakeIo({ 'r.jsonl': lines });
    await gradeFile('r.jsonl', { extract: true, afterThink: true }, io);
    expect(out()).toEqual([
      { id: 1, correct: true, reason: 'equivalent' },
      { id: 2, correct: false, reason: 'no-answer' },
    ]);
  });

  it('exits 2 when the file cannot be read', async () => {
    const { io, err } = fakeIo({});
    expect(await gradeFile('missing.jsonl', { extract: false, afterThink: false }, io)).toBe(2);
    expect(err[0]).toContain('cannot read missing.jsonl');
  });
});

describe('gradeOne and parseGradeInput', () => {
  it('prints {"correct", "reason"}', () => {
    const written: string[] = [];
    expect(
      gradeOne('3.14', [String.raw`\pi`], { extract: false, afterThink: false }, { write: (l) => written.push(l) }),
    ).toBe(0);
    expect(JSON.parse(written[0]!)).toEqual({ correct: false, reason: 'approximation' });
  });

  it('accepts a list of truths and rejects an empty one', () => {
    expect(parseGradeInput('{"answer":"1","truth":["1","2"]}')).toEqual({
      ok: true,
      value: { id: null, answer: '1', truth: ['1', '2'] },
    });
    expect(parseGradeInput('{"id":4,"answer":2,"truth":[]}')).toEqual({
      ok: false,
      id: 4,
      issues: ['"answer" must be a string or null', '"truth" must be a string or a non-empty list of strings'],
    });
  });
});

describe('threadloom grade (process)', () => {
  const cli = (args: string[], input?: string) => runCliFromSource(['grade', ...args], input);

  it('grades one answer and a JSONL stream from stdin', () => {
    const one = cli(['--answer', String.raw`\frac12`, '--truth', '0.5']);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual({ correct: true, reason: 'equivalent' });
    const many = cli(['--input', '-'], `${JSON.stringify({ id: 1, answer: 'x=5', truth: '5' })}\nbad\n`);
    expect(many.status).toBe(0);
    expect(
      many.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { id: 1, correct: true, reason: 'exact-match' },
      { id: null, line: 2, error: 'not valid JSON' },
    ]);
  });

  it('grades the issue-15 answer classes from a JSONL stream; --profile reference-code keeps the old verdicts', () => {
    const r = String.raw;
    const input = [
      { id: 'unit', answer: r`5\text{ m}`, truth: r`5\text{ cm}` },
      { id: 'money', answer: r`50\text{ cents}`, truth: r`\$0.50` },
      { id: 'angle', answer: r`\cos 36^\circ`, truth: r`\frac{1+\sqrt5}{4}` },
      { id: 'ratio', answer: '6:4', truth: r`\frac32` },
      { id: 'interval', answer: r`x \le 2`, truth: r`(-\infty, 2]` },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const verdicts = (args: string[]): unknown[] =>
      cli(['--input', '-', ...args], input)
        .stdout.trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { correct: boolean }).correct);
    expect(verdicts([])).toEqual([false, true, true, true, true]);
    expect(verdicts(['--profile', 'reference-code'])).toEqual([true, false, false, false, false]);
    expect(cli(['--answer', '1', '--truth', '1', '--profile', 'sympy']).status).toBe(2);
  });

  it('exits 2 on usage errors', () => {
    expect(cli([]).status).toBe(2);
    expect(cli(['--answer', '1']).status).toBe(2);
    expect(cli(['--answer', '1', '--truth', '1', '--input', 'x']).status).toBe(2);
    expect(cli(['--input', 'does-not-exist.jsonl']).status).toBe(2);
  });
}, 60_000);
