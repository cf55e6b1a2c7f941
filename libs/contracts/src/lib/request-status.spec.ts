import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, TERMINAL_STATUSES, isTerminalStatus } from './request-status.js';

describe('terminal statuses', () => {
  it('are the four statuses a request ends in', () => {
    expect(REQUEST_STATUSES.filter(isTerminalStatus)).toEqual(['completed', 'failed', 'cancelled', 'expired']);
    expect(TERMINAL_STATUSES).toEqual(['completed', 'failed', 'cancelled', 'expired']);
  });

  it('rejects live statuses and strings that are no status', () => {
    expect(['queued', 'running', 'done', ''].map(isTerminalStatus)).toEqual([false, false, false, false]);
  });
});
