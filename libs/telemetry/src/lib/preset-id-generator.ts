import { randomFillSync } from 'node:crypto';

/** The SDK's IdGenerator shape (structural, so this library needs no SDK import at load). */
interface IdGenerator {
  generateTraceId(): string;
  generateSpanId(): string;
}

/**
 * Random ids, except that the next span id can be fixed: the request's workflow span gets its id at
 * submission (children in other processes point at it) and is recorded when the request ends.
 */
export class PresetIdGenerator implements IdGenerator {
  private traceId: string | undefined;
  private spanId: string | undefined;

  generateTraceId(): string {
    return this.traceId ?? randomHex(16);
  }

  generateSpanId(): string {
    const preset = this.spanId;
    this.spanId = undefined;
    return preset ?? randomHex(8);
  }

  /** Runs `start` (which must start exactly one span synchronously) with these ids for that span. */
  withIds<T>(traceId: string, spanId: string, start: () => T): T {
    this.traceId = traceId;
    this.spanId = spanId;
    try {
      return start();
    } finally {
      this.traceId = undefined;
      this.spanId = undefined;
    }
  }
}

/** Random bytes drawn 4 KiB at a time: one call into the system's generator per ~250 span ids, not one per id. */
const pool = Buffer.alloc(4096);
let used = pool.length;

/** Random lowercase hex of `bytes` bytes (at most 4096), never all zeros (an invalid W3C id). */
export function randomHex(bytes: number): string {
  for (;;) {
    if (used + bytes > pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    const hex = pool.toString('hex', used, used + bytes);
    used += bytes;
    if (!/^0+$/.test(hex)) return hex;
  }
}

/** The generator the SDK was started with; ids are random as usual until a workflow span needs its preset one. */
export const ID_GENERATOR = new PresetIdGenerator();
