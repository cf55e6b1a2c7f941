import { describe, expect, it } from 'vitest';
import { PresetIdGenerator, randomHex } from './preset-id-generator.js';
import { parseTraceparent } from './trace-carrier.js';

describe('parseTraceparent', () => {
  it('reads the ids and the sampled flag, and rejects malformed headers', () => {
    const header = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(parseTraceparent(header)).toEqual({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      sampled: true,
    });
    expect(parseTraceparent(header.replace(/01$/, '00'))?.sampled).toBe(false);
    expect(parseTraceparent('00-xyz-b7ad6b7169203331-01')).toBeUndefined();
  });
});

describe('PresetIdGenerator', () => {
  it('hands out the preset ids to exactly one span, then random ones', () => {
    const ids = new PresetIdGenerator();
    const trace = 'a'.repeat(32);
    const span = 'b'.repeat(16);
    const seen = ids.withIds(trace, span, () => [ids.generateTraceId(), ids.generateSpanId(), ids.generateSpanId()]);
    expect(seen.slice(0, 2)).toEqual([trace, span]);
    expect(seen[2]).toMatch(/^[0-9a-f]{16}$/);
    expect(seen[2]).not.toBe(span);
    expect(ids.generateTraceId()).not.toBe(trace);
  });
});

describe('randomHex', () => {
  it('gives distinct lowercase hex ids of the asked length, also across refills of its pool', () => {
    const ids = Array.from({ length: 1200 }, () => randomHex(8));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/);
  });
});
