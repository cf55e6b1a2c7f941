import { describe, expect, it } from 'vitest';
import { CHARS_SPECIAL_BASE, createCharsEncoder, renderUserPrompt } from '@threadloom/threading';
import { runCliFromSource } from '../testing/run-cli-from-source.js';
import type { PackedLine } from '../packing/packed-line.js';
import { packFiles, type PackIo } from './pack.command.js';

const RESPONSE =
  '<think>\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>\n<Thread>\n1: x\n</Thread><Thread>\n2: yy\n</Thread>\n</Parallel>\nz\n</think>\n\n5';

function fakeIo(files: Record<string, string>): { io: PackIo; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const io: PackIo = {
    write: (line) => written.push(line),
    readText: (file) =>
      file in files ? Promise.resolve(files[file] ?? '') : Promise.reject(new Error(`ENOENT: ${file}`)),
  };
  return { io, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('packFiles', () => {
  it('packs a response file: equal-length arrays, the whole trajectory first, then the thread-2 copy', async () => {
    const { io, lines } = fakeIo({ 'r.txt': RESPONSE });
    expect(await packFiles(['r.txt'], { tokenizer: 'chars', labels: 'own-unit' }, io)).toBe(0);
    const line = lines()[0] as unknown as PackedLine;
    const whole = createCharsEncoder().encode(RESPONSE);
    expect(line).toMatchObject({ source: 'r.txt', ok: true, tokenizer: 'chars', units: 3, prompt_tokens: 0 });
    const arrays = [line.input_ids, line.position_ids, line.parent, line.tin, line.tout, line.labels, line.loss_mask];
    expect(new Set(arrays.map((array) => array.length)).size).toBe(1);
    // The copy of thread 2 is "2: yy\n</Thread>" (7 ids) after the main path; it restarts at thread 1's number.
    const main = whole.length;
    expect(line.input_ids.slice(0, main)).toEqual(whole);
    expect(line.input_ids.length).toBe(main + 7);
    expect(line.input_ids.slice(main)).toEqual(
      [...'2: yy\n'].map((c) => c.codePointAt(0)).concat(CHARS_SPECIAL_BASE + 9),
    );
    // `<Thread>` is special token 8 of the dialect; thread 1's number sits two ids after it.
    expect(line.position_ids[main]).toBe(whole.indexOf(CHARS_SPECIAL_BASE + 8) + 2);
  });

  it('reads JSONL lines with a problem, reports bad lines by number in input order and exits 1', async () => {
    const jsonl = [
      JSON.stringify({ problem: 'q', response: RESPONSE }),
      '{not json',
      JSON.stringify({ response: '<Parallel>\n<Thread>\n1: open' }),
    ].join('\n');
    const { io, lines } = fakeIo({ 'rows.jsonl': jsonl });
    expect(await packFiles(['rows.jsonl', 'missing.txt'], { tokenizer: 'chars', labels: 'reference' }, io)).toBe(1);
    const out = lines();
    // One output line per input, in input order (blank lines aside), so a trainer can zip the two files.
    expect(out.map((line) => [line['source'], line['ok']])).toEqual([
      ['rows.jsonl:1', true],
      ['rows.jsonl:2', false],
      ['rows.jsonl:3', false],
      ['missing.txt', false],
    ]);
    expect(out[0]?.['prompt_tokens']).toBe(createCharsEncoder().encode(renderUserPrompt('q')).length);
    expect((out[1]?.['issues'] as { code: string }[])[0]?.code).toBe('unreadable_line');
    expect((out[2]?.['issues'] as { code: string }[])[0]?.code).toBe('unclosed_block');
  });

  it('runs as a command on stdin', () => {
    const result = runCliFromSource(['pack', '--tokenizer', 'chars', '-'], RESPONSE);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ source: '-', ok: true, units: 3 });
  }, 30_000);
});
