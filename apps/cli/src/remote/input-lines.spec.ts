import { describe, expect, it } from 'vitest';
import { parseInputLines } from './input-lines.js';

describe('parseInputLines', () => {
  it('turns problem records and batch lines into batch lines, numbering from 1 and skipping blanks', () => {
    const text = [
      '{"id":"q1","problem":"What is 2+3?","answer":5}',
      '',
      '{"custom_id":"q2","body":{"prompt":"raw"},"ground_truth":["4","four"]}',
      '{"prompt":"p"}',
    ].join('\n');
    const { lines, malformed } = parseInputLines(text, { groundTruthField: 'answer', mode: 'sequential' });
    expect(malformed).toEqual([]);
    expect(lines.map((line) => [line.lineNumber, line.customId])).toEqual([
      [1, 'q1'],
      [3, 'q2'],
      [4, 'line-4'],
    ]);
    expect(lines[0]!.batchLine).toEqual({
      custom_id: 'q1',
      body: { messages: [{ role: 'user', content: 'What is 2+3?' }], mode: 'sequential' },
      ground_truth: '5',
    });
    // --ground-truth names another field: the batch line's own ground_truth is not used.
    expect(lines[1]!.batchLine).toEqual({ custom_id: 'q2', body: { prompt: 'raw', mode: 'sequential' } });
  });

  it('reports every line that cannot be sent by number and keeps the rest', () => {
    const text = ['{"id":"a","problem":"x"}', '{"id":"b", "problem":', '[1]', '{"id":"c"}', '{"id":"a","problem":"y"}'];
    const { lines, malformed } = parseInputLines(text.join('\n'));
    expect(lines.map((line) => line.customId)).toEqual(['a']);
    expect(malformed.map((line) => line.lineNumber)).toEqual([2, 3, 4, 5]);
    expect(malformed[0]!.reason).toMatch(/not valid JSON/);
    expect(malformed[1]!.reason).toBe('not a JSON object');
    expect(malformed[2]!.reason).toMatch(/needs `body`, `problem`, `prompt` or `messages`/);
    expect(malformed[3]!.reason).toBe("duplicate custom_id 'a' (first on line 1)");
  });

  it('gives a line the same identity for the same number and content, another one otherwise', () => {
    const one = parseInputLines('{"problem":"x"}\n{"problem":"x"}').lines;
    const again = parseInputLines('{"problem":"x"}\n{"problem":"x"}').lines;
    const moved = parseInputLines('\n{"problem":"x"}').lines;
    expect(one.map((line) => line.digest)).toEqual(again.map((line) => line.digest));
    expect(one[0]!.digest).not.toBe(one[1]!.digest);
    expect(moved[0]!.digest).not.toBe(one[0]!.digest);
  });
});
