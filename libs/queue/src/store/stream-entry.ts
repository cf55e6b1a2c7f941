import type { ReasoningEvent } from '@threadloom/contracts';

/** One Redis stream entry (`[id, [field, value, …]]`) as a {@link ReasoningEvent}. */
export function toEvent(id: string, flat: readonly string[]): ReasoningEvent {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
  return {
    id,
    type: fields['type'] ?? 'unknown',
    at: Number(fields['at'] ?? 0),
    data: JSON.parse(fields['data'] ?? '{}') as Record<string, unknown>,
  };
}

/** Orders two stream ids (`ms-seq`, or `ms` meaning `ms-0`): negative, zero or positive. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map(BigInt);
  const [bMs = 0n, bSeq = 0n] = b.split('-').map(BigInt);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}
