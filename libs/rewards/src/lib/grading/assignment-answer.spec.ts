import { describe, expect, it } from 'vitest';
import { parseAssignments } from './assignment-answer.js';
import { stripVariablePrefix } from './normalize-answer.js';

describe('assignments', () => {
  it('reads a list of assignments to distinct variables, in written order', () => {
    expect([...(parseAssignments('x=2, y=-3') ?? [])]).toEqual([
      ['x', '2'],
      ['y', '-3'],
    ]);
    expect(parseAssignments('x=1, x=2')).toBeUndefined();
    expect(parseAssignments('x=1')).toBeUndefined();
    expect(parseAssignments('x+y=1, y=2')).toBeUndefined();
  });

  it('strips function-value and tuple prefixes only in the extended profile', () => {
    expect(stripVariablePrefix('f(2)=7', true)).toBe('7');
    expect(stripVariablePrefix('f^{-1}(3) = 5', true)).toBe('5');
    expect(stripVariablePrefix('(x, y) = (2, -1)', true)).toBe('(2, -1)');
    expect(stripVariablePrefix('x(x+1)=0', true)).toBe('x(x+1)=0');
    expect(stripVariablePrefix('f(2)=7', false)).toBe('f(2)=7');
  });
});
