import type { Dialect } from './dialect.js';

/**
 * ThreadWeaver (arXiv 2512.07843), released-data whitespace convention. Header and join strings
 * reproduce the RL orchestrator byte for byte (spec §2.3–2.5).
 */
export const THREADWEAVER_DIALECT: Dialect = Object.freeze({
  name: 'threadweaver',
  tags: Object.freeze({
    reasoning: { open: '<think>', close: '</think>' },
    block: { open: '<Parallel>', close: '</Parallel>' },
    plan: { open: '<Outlines>', close: '</Outlines>' },
    planItem: { open: '<Outline>', close: '</Outline>' },
    branch: { open: '<Thread>', close: '</Thread>' },
    conclusion: { open: '<Conclusion>', close: '</Conclusion>' },
  }),
  specialTokens: Object.freeze([
    '<Think>',
    '</Think>',
    '<Parallel>',
    '</Parallel>',
    '<Outlines>',
    '</Outlines>',
    '<Outline>',
    '</Outline>',
    '<Thread>',
    '</Thread>',
    '<Conclusion>',
    '</Conclusion>',
    '<think>',
    '</think>',
  ]),
  endOfSequence: '<|im_end|>',
  sequentialStop: '</Outlines>',
  threadStop: '</Thread>',
  firstThreadHeader: '\n<Thread>\n{n}:',
  laterThreadHeader: '<Thread>\n{n}:',
  joinSuffix: '\n',
  forcedThreadClose: '\n</Thread>',
  forcedBlockClose: '\n</Parallel>',
  planItemNumber: /^\s*([0-9]+(?:\.[0-9]+)*)\s*:/,
});
