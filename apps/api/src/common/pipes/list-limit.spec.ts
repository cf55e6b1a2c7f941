import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { parseListLimit } from './list-limit.js';

describe('parseListLimit', () => {
  it('takes the fallback when absent and integers from 1 to 100', () => {
    expect(parseListLimit(undefined, 20)).toBe(20);
    expect(parseListLimit('1', 20)).toBe(1);
    expect(parseListLimit('100', 20)).toBe(100);
  });

  it.each(['0', '101', '-1', '2.5', 'ten', '', '0x10'])('rejects %j with a field issue', (raw) => {
    expect(() => parseListLimit(raw, 20)).toThrow(ValidationFailedError);
  });
});
