import { describe, expect, it } from 'vitest';
import { MalformedBodyError } from '../common/errors/malformed-body.error.js';
import { parseJsonLines } from './jsonl.js';

describe('parseJsonLines', () => {
  it('parses one value per line and skips blank lines', () => {
    expect(parseJsonLines('{"a":1}\n\r\n{"b":2}\r\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('names the bad line', () => {
    expect(() => parseJsonLines('{"a":1}\n{oops')).toThrow(new MalformedBodyError('line 2 is not valid JSON'));
  });
});
