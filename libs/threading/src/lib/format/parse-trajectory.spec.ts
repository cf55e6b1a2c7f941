import { describe, expect, it } from 'vitest';
import { MULTIVERSE_DIALECT } from '../dialect/index.js';
import { parseTrajectory } from './parse-trajectory.js';
import { FIG6_CANONICAL_RESPONSE } from './testing/fig6-response.fixture.js';
import type { BlockSegment } from './trajectory.js';

const codes = (text: string): string[] => parseTrajectory(text).issues.map((issue) => issue.code);
const blocks = (text: string): BlockSegment[] =>
  parseTrajectory(text).value.segments.filter((segment): segment is BlockSegment => segment.kind === 'block');

describe('parseTrajectory', () => {
  it('parses the Fig. 6 response into text, block, text, block, text with no issue', () => {
    const result = parseTrajectory(FIG6_CANONICAL_RESPONSE);
    expect(result.ok).toBe(true);
    expect(result.value.segments.map((segment) => segment.kind)).toEqual(['text', 'block', 'text', 'block', 'text']);
    const first = blocks(FIG6_CANONICAL_RESPONSE)[0]!;
    expect(first.plan?.items.map((item) => [item.number, item.text])).toEqual([
      ['1', 'Compute the discriminant Δ = b^2 - 4ac.'],
      ['2', 'Compute the denominator 2a and set up the formula.'],
    ]);
    expect(first.threads.map((thread) => thread.number)).toEqual(['1', '2']);
    expect(first.threads[0]!.text).toBe('Here a = 1, b = -5, c = 6.\nCompute Δ = (-5)^2 - 4·1·6 = 25 - 24 = 1.');
  });

  it('reports offsets that index the input', () => {
    const text =
      'a<Parallel>\n<Outlines>\n<Outline>1: x</Outline>\n</Outlines>\n<Thread>\n1: y\n</Thread>\n</Parallel>b';
    const block = blocks(text)[0]!;
    const thread = block.threads[0]!;
    expect(text.slice(block.offsets.start, block.offsets.end)).toMatch(/^<Parallel>[\s\S]*<\/Parallel>$/);
    expect(text.slice(thread.offsets.contentStart, thread.offsets.contentEnd)).toBe('\n1: y\n');
    expect(text.slice(thread.offsets.start, thread.offsets.end)).toBe('<Thread>\n1: y\n</Thread>');
  });

  it('recovers a response truncated mid-thread', () => {
    const result = parseTrajectory(
      '<think>\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: partial',
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toEqual(['unclosed_block', 'unclosed_thread']);
    const block = result.value.segments[1] as BlockSegment;
    expect(block.closed).toBe(false);
    expect(block.threads[0]).toMatchObject({ number: '1', text: 'partial', closed: false });
  });

  it('reports stray, nested, misplaced and unclosed tags with their codes', () => {
    expect(codes('x</Parallel>')).toEqual(['stray_block_close']);
    expect(codes('<Thread>\n1: a\n</Thread>')).toEqual(['tag_outside_block', 'tag_outside_block']);
    expect(
      codes(
        '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Parallel><Thread>\n1: b\n</Thread>\n</Parallel>',
      ),
    ).toEqual(['nested_block']);
    expect(codes('<Parallel>\n<Outlines>\n<Outline>1: a\n</Outlines>\n<Thread>\n1: b\n</Thread>\n</Parallel>')).toEqual(
      ['unclosed_plan_item'],
    );
    expect(codes('<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Thread>\n1: b\n</Thread>\n</Parallel>')).toEqual([
      'unclosed_plan',
    ]);
    expect(codes('<Parallel>\n<Thread>\n1: b\n</Thread>\n</Parallel>')).toEqual(['missing_plan']);
    expect(codes('<Parallel>\n<Outlines>\n</Outlines>\n</Parallel>')).toEqual(['missing_threads']);
  });

  it('treats every tag except the thread close as thread content', () => {
    const result = parseTrajectory(
      '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: <think>b</Parallel>\n</Thread>\n</Parallel>',
    );
    expect(result.issues.map((issue) => [issue.code, issue.tag])).toEqual([
      ['tag_inside_thread', '<think>'],
      ['tag_inside_thread', '</Parallel>'],
    ]);
    expect((result.value.segments[0] as BlockSegment).threads[0]!.text).toBe('<think>b</Parallel>');
  });

  it('flags text between block elements', () => {
    expect(
      codes(
        '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\nchatter<Thread>\n1: b\n</Thread>\n</Parallel>',
      ),
    ).toEqual(['text_in_block']);
  });

  it('reads its tags from the dialect', () => {
    const text = '<Parallel>\n<Goal>\n<Outline>1: a</Outline>\n</Goal>\n<Path>\n1: b\n</Path>\n</Parallel>';
    expect(parseTrajectory(text, { dialect: MULTIVERSE_DIALECT }).ok).toBe(true);
    expect(parseTrajectory(text).ok).toBe(false);
  });

  it('treats `<` that starts no known tag as text, and reports a foreign tag inside a block', () => {
    const result = parseTrajectory('a < b <<Parallel>\n<x> <Thread');
    expect(result.issues.map((issue) => [issue.code, issue.offset])).toEqual([
      ['unclosed_block', 7],
      ['foreign_tag', 18],
      ['text_in_block', 18],
    ]);
    expect(result.value.segments[0]).toEqual({ kind: 'text', text: 'a < b <', start: 0, end: 7 });
  });

  it('scans pathological input in one pass (a quadratic scan would time out here)', () => {
    expect(parseTrajectory('<'.repeat(2_000_000)).ok).toBe(true);
    const nested = parseTrajectory('<Parallel>'.repeat(200_000));
    expect(nested.issues.filter((issue) => issue.code === 'nested_block')).toHaveLength(199_999);
    expect(
      parseTrajectory(
        `<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: ${'<Thread>'.repeat(100_000)}`,
      ).value.segments,
    ).toHaveLength(1);
  });
});
