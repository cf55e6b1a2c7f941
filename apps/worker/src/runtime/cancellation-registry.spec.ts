import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { CancellationRegistry } from './cancellation-registry.js';

// The subscriber connection is not used by these cases (no start()), so none is opened.
const registry = (): CancellationRegistry => new CancellationRegistry({} as Redis, 'cancel');

describe('CancellationRegistry', () => {
  it('aborts the active jobs of a cancelled request and leaves other requests alone', () => {
    const cancellations = registry();
    const mine = new AbortController();
    const other = new AbortController();
    cancellations.track('r1', 'j1', mine);
    cancellations.track('r2', 'j2', other);
    cancellations.cancel('r1');
    expect(mine.signal.aborted).toBe(true);
    expect(mine.signal.reason).toBe('cancelled');
    expect(other.signal.aborted).toBe(false);
  });

  it('aborts a job that registers just after the cancel message arrived', () => {
    const cancellations = registry();
    cancellations.cancel('r1');
    const late = new AbortController();
    cancellations.track('r1', 'j1', late);
    expect(late.signal.aborted).toBe(true);
  });

  it('forgets cancelled requests after a minute', () => {
    const cancellations = registry();
    cancellations.cancel('old', Date.now() - 61_000);
    cancellations.cancel('new');
    const late = new AbortController();
    cancellations.track('old', 'j1', late);
    expect(late.signal.aborted).toBe(false);
  });
});
