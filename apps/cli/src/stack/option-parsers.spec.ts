import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseNonNegative, parsePort, parsePositiveInt, urlParser } from './option-parsers.js';

describe('option parsers', () => {
  it('accept what they promise', () => {
    expect(parsePositiveInt('3')).toBe(3);
    expect(parsePort('0')).toBe(0);
    expect(parseNonNegative('0.02')).toBe(0.02);
    expect(urlParser(['http:'])('http://gpu:8000/')).toBe('http://gpu:8000');
  });

  it.each([
    [() => parsePositiveInt('0')],
    [() => parsePositiveInt('1.5')],
    [() => parsePositiveInt('x')],
    [() => parsePort('70000')],
    [() => parseNonNegative('-1')],
    [() => parseNonNegative('')],
    [() => urlParser(['redis:'])('http://localhost:6379')],
    [() => urlParser(['http:'])('not a url')],
  ])('reject bad input as a usage error (%#)', (parse) => {
    expect(parse).toThrow(InvalidArgumentError);
  });
});
