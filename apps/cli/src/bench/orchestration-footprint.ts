import type { Redis } from 'ioredis';

/** Bytes Redis holds for one request: every key under `prefix` whose name contains its id (record, checkpoint, events, thread results, jobs). */
export async function requestFootprint(redis: Redis, prefix: string, id: string): Promise<number> {
  let bytes = 0;
  for await (const keys of redis.scanStream({ match: `${prefix}*${id}*`, count: 1_000 })) {
    for (const key of keys as string[]) {
      const usage = await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
      bytes += typeof usage === 'number' ? usage : 0;
    }
  }
  return bytes;
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
