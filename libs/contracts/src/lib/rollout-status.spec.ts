import { describe, expect, it } from 'vitest';
import { ROLLOUT_STATUSES, isTerminalRolloutStatus } from './rollout-status.js';

describe('isTerminalRolloutStatus', () => {
  it('is true for completed and cancelled only', () => {
    expect(ROLLOUT_STATUSES.filter(isTerminalRolloutStatus)).toEqual(['completed', 'cancelled']);
  });

  it('is false for a status off the wire it does not know', () => {
    expect(isTerminalRolloutStatus('done')).toBe(false);
  });
});
