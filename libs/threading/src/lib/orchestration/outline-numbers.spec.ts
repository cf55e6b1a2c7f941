import { describe, expect, it } from 'vitest';
import { MULTIVERSE_DIALECT, THREADWEAVER_DIALECT } from '../dialect/index.js';
import { parsePlannedOutlines } from './outline-numbers.js';

const parse = (text: string) => parsePlannedOutlines(text, THREADWEAVER_DIALECT);

describe('parsePlannedOutlines', () => {
  it('reads the numbers of the plan, keeping them as written (dotted too)', () => {
    const step =
      'Plan.\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline> 1.2 : b</Outline>\n<Outline>3:c</Outline>\n</Outlines>';
    expect(parse(step)).toEqual({ numbers: ['1', '1.2', '3'], duplicates: [] });
  });

  it('de-duplicates, keeping the first occurrence in outline order', () => {
    const step =
      '<Outlines>\n<Outline>2: a</Outline><Outline>1: b</Outline><Outline>2: c</Outline><Outline>1: d</Outline></Outlines>';
    expect(parse(step)).toEqual({ numbers: ['2', '1'], duplicates: ['2', '1'] });
  });

  it('scopes to the last plan open of the step: an earlier plan in the same text is ignored', () => {
    const step =
      '<Outlines><Outline>1: old</Outline><Outline>2: old</Outline></Outlines> text <Outlines><Outline>7: new</Outline></Outlines>';
    expect(parse(step).numbers).toEqual(['7']);
  });

  it('finds nothing when the step closes a plan it never opened', () => {
    expect(parse('<Outline>1: a</Outline>\n</Outlines>')).toEqual({ numbers: [], duplicates: [] });
  });

  it('skips items without a number', () => {
    expect(
      parse('<Outlines><Outline>first: a</Outline><Outline>2: b</Outline><Outline></Outline></Outlines>').numbers,
    ).toEqual(['2']);
  });

  it('reads another dialect through its own tags', () => {
    const step = '<Goal>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Goal>';
    expect(parsePlannedOutlines(step, MULTIVERSE_DIALECT).numbers).toEqual(['1', '2']);
    expect(parse(step).numbers).toEqual([]);
  });
});
