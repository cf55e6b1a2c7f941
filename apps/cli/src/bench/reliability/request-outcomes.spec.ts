import type { RequestView } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import { describeCounts, isContextFailure, tallyOutcomes } from './request-outcomes.js';

const CREATED = Date.parse('2026-12-03T04:00:00.000Z');

function wire(id: string, status: string, settledAfterMs: number, extra: Record<string, unknown> = {}): RequestView {
  return {
    id,
    status,
    created_at: new Date(CREATED).toISOString(),
    updated_at: new Date(CREATED + settledAfterMs).toISOString(),
    ...extra,
  } as unknown as RequestView;
}

const contextThread = {
  result: { blocks: [{ threads: [{ number: '1', error: "the request exceeds the served model's context" }] }] },
};

describe('tallyOutcomes', () => {
  const expected = (view: RequestView, code: string | undefined) =>
    view.status === 'expired' ? code === 'deadline_exceeded' : isContextFailure(view);

  it('counts failures by code and flags late, unclear and unexpected ones', () => {
    const views = new Map<string, RequestView | undefined>([
      ['a', wire('a', 'completed', 900)],
      ['b', wire('b', 'expired', 1_400, { error: 'deadline exceeded', error_code: 'deadline_exceeded' })],
      ['c', wire('c', 'failed', 500, { error: 'thread 1 failed', error_code: 'thread_failed', ...contextThread })],
      ['d', wire('d', 'failed', 500, { error: 'Simulated engine failure.', error_code: 'engine_unavailable' })],
      ['e', wire('e', 'running', 0)],
    ]);
    const requests = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, deadlineMs: 1_000 }));
    const tally = tallyOutcomes(requests, views, { slackMs: 200, now: CREATED + 1_100, expected });
    expect(describeCounts(tally.byCode)).toBe('deadline_exceeded 1, thread_failed 1, engine_unavailable 1');
    expect(tally.overran).toEqual(['b expired 400 ms late']);
    expect(tally.unclear).toEqual(['d engine_unavailable: Simulated engine failure.']);
    expect(tally.unexpected).toEqual(['d engine_unavailable: Simulated engine failure.']);
    expect(tally.latestVsDeadlineMs).toBe(400);
  });

  it('counts a request still open past its deadline as late', () => {
    const views = new Map([['e', wire('e', 'running', 0)]]);
    const tally = tallyOutcomes([{ id: 'e', deadlineMs: 1_000 }], views, {
      slackMs: 0,
      now: CREATED + 3_000,
      expected,
    });
    expect(tally.overran).toEqual(['e running 2000 ms late']);
    expect(tally.byCode.size).toBe(0);
  });
});
