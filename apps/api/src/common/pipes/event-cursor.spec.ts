import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { checkEventCursor } from './event-cursor.js';

describe('checkEventCursor', () => {
  it('takes stream ids and $, the header before the query', () => {
    expect(checkEventCursor(undefined, undefined)).toBeUndefined();
    expect(checkEventCursor('1764720000000-3', undefined)).toBe('1764720000000-3');
    expect(checkEventCursor('1764720000000', '$')).toBe('1764720000000');
    expect(checkEventCursor(undefined, '$')).toBe('$');
  });

  it('refuses anything else, naming where it came from', () => {
    for (const bad of ['abc', '-', '1-1-1', '1-', '-1', '', ' 1', '1'.repeat(21)]) {
      expect(() => checkEventCursor(bad, undefined), bad).toThrow(ValidationFailedError);
      expect(() => checkEventCursor(undefined, bad), bad).toThrow(/^after: must be an event id/);
    }
  });
});
