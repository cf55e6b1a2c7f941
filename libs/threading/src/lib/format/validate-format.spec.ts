import { describe, expect, it } from 'vitest';
import { parseTrajectory } from './parse-trajectory.js';
import { FIG6_CANONICAL_RESPONSE } from './testing/fig6-response.fixture.js';
import { validateFormat, type ValidateOptions } from './validate-format.js';

const block = (items: string, threads: string): string =>
  `<Parallel>\n<Outlines>\n${items}</Outlines>\n${threads}\n</Parallel>`;
const item = (n: string, text = 'plan'): string => `<Outline>${n}: ${text}</Outline>\n`;
const thread = (n: string, text = 'work'): string => `<Thread>\n${n}: ${text}\n</Thread>`;
const rules = (text: string, options: ValidateOptions = {}): string[] =>
  validateFormat(text, options).issues.map((issue) => `${issue.rule}/${issue.code}`);

describe('validateFormat (strict)', () => {
  it('accepts the Fig. 6 response, a response with no block, and whitespace between threads', () => {
    expect(validateFormat(FIG6_CANONICAL_RESPONSE)).toEqual({ ok: true, issues: [] });
    expect(validateFormat('<think>\nplain\n</think>\n\n42')).toEqual({ ok: true, issues: [] });
    expect(validateFormat(block(item('1') + item('2'), `${thread('1')}\n \n${thread('2')}`)).ok).toBe(true);
  });

  it('accepts a parse result as input', () => {
    expect(validateFormat(parseTrajectory(FIG6_CANONICAL_RESPONSE)).ok).toBe(true);
  });

  it('names the rule of each failure', () => {
    expect(rules('<Parallel>\n')).toEqual(['block_tags_balanced/unclosed_block']);
    expect(rules(block(item('1'), `<Parallel>${thread('1')}`))).toEqual(['block_tags_allowed/nested_block']);
    expect(rules(block(item('1') + item('2'), thread('1')))).toEqual([
      'tag_counts_balanced/outline_thread_count_mismatch',
    ]);
    expect(rules(block(item('1'), `x${thread('1')}`))).toEqual(['block_structure/text_in_block']);
    expect(rules(block(item('1') + item('3'), thread('1') + thread('3')))).toEqual([
      'outline_numbers_consecutive/outline_numbers_not_consecutive',
    ]);
    expect(rules(block(item('1') + item('2'), thread('2') + thread('1')))).toEqual([
      'threads_match_outlines/thread_number_mismatch',
      'threads_match_outlines/thread_number_mismatch',
    ]);
    expect(rules(block(item('1'), thread('1', '<think>x')))).toEqual(['threads_match_outlines/tag_inside_thread']);
    expect(rules(block('<Outline>one</Outline>\n', thread('1')))).toEqual([
      'outline_numbers_consecutive/malformed_outline',
    ]);
    expect(rules(block(item('1'), '<Thread>\n1:\n</Thread>'))).toEqual(['threads_match_outlines/malformed_thread']);
  });

  it('rejects more than 50 plan items', () => {
    const numbers = Array.from({ length: 51 }, (_, i) => String(i + 1));
    const text = block(numbers.map((n) => item(n)).join(''), numbers.map((n) => thread(n)).join(''));
    expect(rules(text)).toEqual(['tag_counts_balanced/too_many_outlines']);
  });

  it('checks thread adjacency only on request (rule 7)', () => {
    const spaced = block(item('1') + item('2'), `${thread('1')}\n${thread('2')}`);
    expect(rules(spaced)).toEqual([]);
    expect(rules(spaced, { requireAdjacentThreads: true })).toEqual(['threads_adjacent/threads_not_adjacent']);
  });
});

describe('validateFormat (lenient)', () => {
  it('tolerates reasoning-family tags in bodies but not structural ones', () => {
    const withThink = block(item('1'), thread('1', 'a </think> b <Think>'));
    expect(validateFormat(withThink).ok).toBe(false);
    expect(validateFormat(withThink, { mode: 'lenient' }).ok).toBe(true);
    expect(rules(block(item('1'), thread('1', 'a <Outline>')), { mode: 'lenient' })).toEqual([
      'threads_match_outlines/tag_inside_thread',
    ]);
    const betweenThreads = block(item('1') + item('2'), `${thread('1')}</think>\n${thread('2')}`);
    expect(rules(betweenThreads)).toEqual(['block_tags_allowed/tag_inside_block']);
    expect(rules(betweenThreads, { mode: 'lenient' })).toEqual([]);
  });

  it('ignores a last block left open by truncation, nothing before it', () => {
    const complete = block(item('1'), thread('1'));
    const truncated = `${complete}\nnext\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: par`;
    expect(validateFormat(truncated).ok).toBe(false);
    expect(validateFormat(truncated, { mode: 'lenient' })).toEqual({ ok: true, issues: [] });
    const brokenBefore = `${block(item('2'), thread('2'))}\n<Parallel>\n<Outlines>`;
    expect(rules(brokenBefore, { mode: 'lenient' })).toEqual([
      'outline_numbers_consecutive/outline_numbers_not_consecutive',
    ]);
  });
});
