import type { RequestView } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import { withAnswer } from './with-answer.js';
import { resultMetricsFixture } from '../testing/result-metrics.fixture.js';

const view = (text: string, answer: string | null): RequestView => ({
  id: 'r',
  tenant: 't',
  status: 'completed',
  createdAt: 0,
  updatedAt: 0,
  result: { text, answer, metrics: resultMetricsFixture(0, 0), blocks: [], termination: 'eos', engineRequests: 1 },
});

describe('withAnswer', () => {
  it('extracts the last boxed answer when the runtime gave none', () => {
    expect(withAnswer(view('first \\boxed{4}, then \\boxed{5}.', null)).result?.answer).toBe('5');
  });

  it('keeps an answer the runtime gave, and null when nothing is boxed', () => {
    expect(withAnswer(view('\\boxed{5}', '6')).result?.answer).toBe('6');
    expect(withAnswer(view('no box', null)).result?.answer).toBeNull();
    expect(withAnswer(undefined)).toBeUndefined();
  });
});
