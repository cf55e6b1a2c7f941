import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_PREFIX } from './queue-names.js';
import { jobIds, requestKeys, threadField } from './redis-keys.js';

describe('redis keys', () => {
  it('keeps every key of a request under the lane hash tag', () => {
    const keys = requestKeys(DEFAULT_KEY_PREFIX, 'r1');
    for (const key of Object.values(keys)) expect(key.startsWith('{threadloom}:req:r1')).toBe(true);
  });

  it('builds deterministic job ids BullMQ accepts (no ":", never all digits)', () => {
    const ids = [jobIds.reason('123', 0), jobIds.join('123', 2), jobIds.thread('123', 2, 10)];
    expect(ids).toEqual(['123-s0', '123-b2-join', '123-b2-t10']);
    for (const id of ids) {
      expect(id).not.toContain(':');
      expect(/^\d+$/.test(id)).toBe(false);
    }
    expect(threadField(2, 10)).toBe('b2t10');
  });
});
