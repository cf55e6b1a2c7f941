import type { Dialect } from './dialect.js';

/**
 * Multiverse (`<Goal>/<Outline>/<Path>/<Conclusion>`), included to keep the format code honest:
 * nothing outside this object may assume ThreadWeaver's tag names.
 */
export const MULTIVERSE_DIALECT: Dialect = Object.freeze({
  name: 'multiverse',
  tags: Object.freeze({
    reasoning: { open: '<Think>', close: '</Think>' },
    block: { open: '<Parallel>', close: '</Parallel>' },
    plan: { open: '<Goal>', close: '</Goal>' },
    planItem: { open: '<Outline>', close: '</Outline>' },
    branch: { open: '<Path>', close: '</Path>' },
    conclusion: { open: '<Conclusion>', close: '</Conclusion>' },
  }),
  specialTokens: Object.freeze([
    '<Think>',
    '</Think>',
    '<Parallel>',
    '</Parallel>',
    '<Goal>',
    '</Goal>',
    '<Outline>',
    '</Outline>',
    '<Path>',
    '</Path>',
    '<Conclusion>',
    '</Conclusion>',
  ]),
  endOfSequence: '<|im_end|>',
  sequentialStop: '</Goal>',
  threadStop: '</Path>',
  firstThreadHeader: '\n<Path>\n{n}:',
  laterThreadHeader: '<Path>\n{n}:',
  joinSuffix: '\n',
  forcedThreadClose: '\n</Path>',
  forcedBlockClose: '\n</Parallel>',
  planItemNumber: /^\s*([0-9]+(?:\.[0-9]+)*)\s*:/,
});
