import { afterEach, describe, expect, it } from 'vitest';
import {
  disableIdleScavenge,
  enableIdleScavenge,
  SCAVENGE_ABOVE,
  scavengeWhileIdle,
  youngGeneration,
} from './idle-scavenge.js';

const SIZE = 16 * 1024 * 1024;

describe('scavengeWhileIdle', () => {
  afterEach(() => disableIdleScavenge());

  it('does nothing until enabled, however full the young generation is', () => {
    expect(scavengeWhileIdle({ used: SIZE, size: SIZE })).toBe(false);
  });

  it('scavenges only past the threshold once enabled', () => {
    enableIdleScavenge();
    expect(scavengeWhileIdle({ used: SIZE * SCAVENGE_ABOVE, size: SIZE })).toBe(false);
    expect(scavengeWhileIdle({ used: SIZE * SCAVENGE_ABOVE + 1, size: SIZE })).toBe(true);
  });

  it('really empties the young generation, and leaves the main context without a global gc', () => {
    enableIdleScavenge();
    const garbage: unknown[] = [];
    for (let index = 0; index < 20_000; index += 1) garbage.push({ index, text: `item ${index}` });
    garbage.length = 0;
    const before = youngGeneration();
    expect(scavengeWhileIdle({ used: before.size, size: before.size })).toBe(true);
    expect(youngGeneration().used).toBeLessThan(before.used);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
