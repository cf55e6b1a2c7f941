import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  parseClusterSeeds,
  parseLanes,
  parseNonNegative,
  parsePort,
  parsePositiveInt,
  urlParser,
} from './option-parsers.js';

describe('option parsers', () => {
  it('accept what they promise', () => {
    expect(parsePositiveInt('3')).toBe(3);
    expect(parsePort('0')).toBe(0);
    expect(parseNonNegative('0.02')).toBe(0.02);
    expect(urlParser(['http:'])('http://gpu:8000/')).toBe('http://gpu:8000');
    expect(parseClusterSeeds('10.0.0.1:7000, redis-1:7001')).toEqual(['10.0.0.1:7000', 'redis-1:7001']);
    expect(parseLanes('3')).toBe(3);
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
    [() => parseClusterSeeds('redis-0')],
    [() => parseClusterSeeds(' ')],
    [() => parseLanes('0')],
    [() => parseLanes('1025')],
    [() => parseLanes('2.5')],
  ])('reject bad input as a usage error (%#)', (parse) => {
    expect(parse).toThrow(InvalidArgumentError);
  });
});
