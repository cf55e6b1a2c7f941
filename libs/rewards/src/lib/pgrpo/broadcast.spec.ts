import type { CallUnit } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { broadcastAdvantage, completionTokenCount, tokenAdvantages } from './broadcast.js';

describe('broadcast', () => {
  it('copies the scalar to every completion token of every unit', () => {
    expect(
      broadcastAdvantage(0.25, [{ completionTokens: 3 }, { completionTokens: 0 }, { completionTokens: 2 }]),
    ).toEqual([[0.25, 0.25, 0.25], [], [0.25, 0.25]]);
  });

  it('counts each rollout once in the group mean, however many units it has', () => {
    // Rollout x has 5 units, y has 1: per-unit statistics would weight x five times.
    const rollouts = [
      { groupId: 'g', reward: 1, units: [1, 2, 3, 4, 5].map((n) => ({ completionTokens: n })) },
      { groupId: 'g', reward: 0, units: [{ completionTokens: 4, contextTokens: 10 }] },
    ];
    const tokens = tokenAdvantages(rollouts);
    expect(tokens[0]!.flat()).toEqual(new Array(15).fill(0.5));
    expect(tokens[1]).toEqual([[-0.5, -0.5, -0.5, -0.5]]);
    expect(tokens[0]!.map((unit) => unit.length)).toEqual([1, 2, 3, 4, 5]);
    expect(completionTokenCount(rollouts)).toBe(19);
  });

  it('accepts the orchestration call log units as they are', () => {
    const unit = (completionTokens: number, kind: CallUnit['kind']): CallUnit => ({
      kind,
      block: 0,
      thread: kind === 'thread' ? '1' : null,
      contextChars: 10,
      completionStart: 0,
      completionEnd: completionTokens,
      completionTokens,
      finishReason: 'stop',
      stopReason: null,
    });
    const tokens = tokenAdvantages([
      { groupId: 'g', reward: 1.5, units: [unit(3, 'sequential'), unit(2, 'thread'), unit(1, 'sequential')] },
      { groupId: 'g', reward: 0.5, units: [unit(2, 'sequential')] },
    ]);
    expect(tokens).toEqual([[[0.5, 0.5, 0.5], [0.5, 0.5], [0.5]], [[-0.5, -0.5]]]);
  });
});
