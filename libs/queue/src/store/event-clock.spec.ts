import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventTimeMs } from './event-clock.js';

describe('eventTimeMs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps to the wall clock within a millisecond or two', () => {
    const before = Date.now();
    const stamp = eventTimeMs();
    expect(stamp).toBeGreaterThanOrEqual(before - 2);
    expect(stamp).toBeLessThanOrEqual(Date.now() + 2);
  });

  it('resolves less than a millisecond and never goes back', () => {
    const stamps = Array.from({ length: 2000 }, () => eventTimeMs());
    expect(stamps.some((stamp) => !Number.isInteger(stamp))).toBe(true);
    expect(stamps.every((stamp, index) => index === 0 || stamp >= stamps[index - 1]!)).toBe(true);
  });

  it('follows the wall clock when it is stepped', () => {
    const stepped = Date.now() + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(stepped);
    expect(eventTimeMs()).toBe(stepped);
    const next = eventTimeMs();
    expect(next).toBeGreaterThanOrEqual(stepped);
    expect(next).toBeLessThan(stepped + 2);
  });
});
