import { describe, expect, it } from 'vitest';
import { commaList, commaListSchema } from './comma-list.js';

describe('commaList', () => {
  it('trims items and drops empty ones', () => {
    expect(commaList(' a, b,,c ,')).toEqual(['a', 'b', 'c']);
    expect(commaList(undefined)).toEqual([]);
    expect(commaList('')).toEqual([]);
  });

  it('parses an unset variable as its fallback', () => {
    expect(commaListSchema('x,y').parse(undefined)).toEqual(['x', 'y']);
    expect(commaListSchema().parse(undefined)).toEqual([]);
    expect(commaListSchema('x').parse('p, q')).toEqual(['p', 'q']);
  });
});
