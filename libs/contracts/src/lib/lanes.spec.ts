import { describe, expect, it } from 'vitest';
import { allLanes, hasHashTag, laneOfKey, laneOfRequest, lanePrefix, requestIdInLane } from './lanes.js';
import { DEFAULT_KEY_PREFIX } from './queue-names.js';
import { idempotencyKey, liveRequestsKey, reaperLockKey, requestKeys } from './redis-keys.js';

const UUID = '3f0c2a9e-5b1d-4c8e-9f00-1a2b3c4d5e6f';

describe('lanes', () => {
  it('keeps lane 0 exactly the single-prefix layout', () => {
    expect(lanePrefix(DEFAULT_KEY_PREFIX, 0)).toBe('{threadloom}');
    expect(requestIdInLane(0, UUID)).toBe(UUID);
    expect(laneOfRequest(UUID)).toBe(0);
    expect(requestKeys(DEFAULT_KEY_PREFIX, UUID).record).toBe(`{threadloom}:req:${UUID}`);
    expect(liveRequestsKey(DEFAULT_KEY_PREFIX, 0)).toBe('{threadloom}:live');
    expect(reaperLockKey(DEFAULT_KEY_PREFIX, 0)).toBe('{threadloom}:reaper-lock');
    expect(idempotencyKey(DEFAULT_KEY_PREFIX, 0, 't', 'k')).toBe('{threadloom}:idem:t:k');
  });

  it('gives every other lane its own hash tag, inside the braces', () => {
    expect(lanePrefix('{threadloom}', 2)).toBe('{threadloom-2}');
    expect(lanePrefix('app:{tl}:x', 11)).toBe('app:{tl-11}:x');
    expect(lanePrefix('plain', 1)).toBe('plain-1');
    expect(hasHashTag('{threadloom}')).toBe(true);
    expect(hasHashTag('{}x')).toBe(false);
    expect(hasHashTag('plain')).toBe(false);
  });

  it('finds a request lane from its id alone, and puts all its keys in that lane', () => {
    const id = requestIdInLane(7, UUID);
    expect(id).toBe(`l7-${UUID}`);
    expect(laneOfRequest(id)).toBe(7);
    for (const key of Object.values(requestKeys('{threadloom}', id)))
      expect(key.startsWith('{threadloom-7}:req:')).toBe(true);
    expect(laneOfRequest('l-x')).toBe(0);
  });

  it('hashes a key to a stable lane, spreading keys over all lanes', () => {
    expect(laneOfKey('tenant-a:key-1', 4)).toBe(laneOfKey('tenant-a:key-1', 4));
    const hits = new Set(Array.from({ length: 200 }, (_, i) => laneOfKey(`k${i}`, 4)));
    expect([...hits].sort()).toEqual(allLanes(4));
  });
});
