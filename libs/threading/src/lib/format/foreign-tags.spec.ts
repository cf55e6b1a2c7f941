import { describe, expect, it } from 'vitest';
import { findForeignTags } from './foreign-tags.js';
import { validateFormat } from './validate-format.js';

const tagsIn = (text: string): string[] => findForeignTags(text, 0, text.length).map((found) => found.tag);
const inThread = (body: string): string =>
  `<Parallel>\n<Outlines>\n<Outline>1: plan</Outline>\n</Outlines>\n<Thread>\n1: ${body}\n</Thread>\n</Parallel>`;

describe('what counts as a tag', () => {
  it.each([
    ['<b>', '<b>'],
    ['</b>', '</b>'],
    ['<br/>', '<br/>'],
    ['<br />', '<br />'],
    ['<span class="note">', '<span class="note">'],
    ["<a href='x' target=_blank>", "<a href='x' target=_blank>"],
    ['<td nowrap>', '<td nowrap>'],
    ['<my-tag>', '<my-tag>'],
    ['<svg:rect>', '<svg:rect>'],
    ['vector<int> v', '<int>'],
    ['so a<b and c>d', '<b and c>'],
  ])('%s is a tag', (text, tag) => {
    expect(tagsIn(text)).toEqual([tag]);
  });

  it.each([
    'a < b and c > d',
    'x<=y, y>=z',
    'a <b',
    '< b>',
    '</ b>',
    '<3 and <- arrows',
    '<1> is a number in brackets',
    '<<<<>>>>',
    '<|im_end|>',
    '<b',
    `<a ${'x '.repeat(200)}>`,
    '<a x="unterminated>',
  ])('%s holds no tag', (text) => {
    expect(tagsIn(text)).toEqual([]);
  });

  it('reports each tag once, at its offset, and only inside the range', () => {
    expect(findForeignTags('x <b>bold</b> <i>', 0, 17)).toEqual([
      { tag: '<b>', offset: 2 },
      { tag: '</b>', offset: 9 },
      { tag: '<i>', offset: 14 },
    ]);
    expect(findForeignTags('x <b>bold</b> <i>', 3, 16)).toEqual([{ tag: '</b>', offset: 9 }]);
  });
});

describe('foreign tags and validation', () => {
  it('strict mode rejects a foreign tag in a thread or plan item with its code, tag and offset; lenient accepts', () => {
    const text = inThread('the <b>key</b> step');
    const strict = validateFormat(text);
    expect(strict.ok).toBe(false);
    expect(strict.issues.map((i) => [i.code, i.rule, i.tag, i.offset])).toEqual([
      ['foreign_tag', 'block_tags_allowed', '<b>', text.indexOf('<b>')],
      ['foreign_tag', 'block_tags_allowed', '</b>', text.indexOf('</b>')],
    ]);
    expect(validateFormat(text, { mode: 'lenient' })).toEqual({ ok: true, issues: [] });
    const inPlan = inThread('work').replace('1: plan', '1: <em>plan</em>');
    expect(validateFormat(inPlan).issues.map((i) => i.tag)).toEqual(['<em>', '</em>']);
  });

  it('accepts maths and prose with `<` inside a block, and foreign tags outside any block', () => {
    expect(validateFormat(inThread('since 0 < x and x <= 3, we get a < b')).ok).toBe(true);
    expect(validateFormat(`<b>intro</b>\n${inThread('work')}\n<i>done</i>`).ok).toBe(true);
  });
});
