import type { IncomingHttpHeaders } from 'node:http';
import { createPrng, type Prng } from '../util/prng.js';

/**
 * Fault kinds: HTTP 500, HTTP 503 with Retry-After, a connection reset mid-response, a slow response, and
 * `context`: the HTTP 400 vLLM answers when prompt + max_tokens exceed the served context.
 */
export const FAULT_KINDS = ['500', '503', 'reset', 'slow', 'context'] as const;
/** The kinds a single `--fault-rate` number is split over: transient ones only (a 400 is never retried). */
export const TRANSIENT_FAULT_KINDS = ['500', '503', 'reset', 'slow'] as const;
/** One fault kind. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Fault injection: per-kind probabilities per request, plus settings for 503 and slow. */
export interface FaultOptions {
  readonly rates?: Partial<Record<FaultKind, number>>;
  /** Seconds in the Retry-After header of a 503 (default 1). */
  readonly retryAfterSeconds?: number;
  /** Wall milliseconds a slow response waits before it starts (default 1000; not time-scaled). */
  readonly slowDelayMs?: number;
}

/** Request header that forces one fault for that request. */
export const FAULT_HEADER = 'x-sim-fault';

/** Picks the fault (if any) for each request: the header wins, else a seeded draw against the rates. */
export class FaultPicker {
  private readonly prng: Prng;

  constructor(
    private readonly options: FaultOptions,
    seed: number,
  ) {
    this.prng = createPrng(seed ^ 0x5eed);
  }

  /** The fault for a request, or undefined. */
  pick(headers: IncomingHttpHeaders): FaultKind | undefined {
    const forced = headers[FAULT_HEADER];
    if (typeof forced === 'string' && isFaultKind(forced)) return forced;
    const rates = this.options.rates;
    if (!rates) return undefined;
    let draw = this.prng.next();
    for (const kind of FAULT_KINDS) {
      draw -= rates[kind] ?? 0;
      if (draw < 0) return kind;
    }
    return undefined;
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  get slowDelayMs(): number {
    return this.options.slowDelayMs ?? 1000;
  }
}

/** Narrows a string to a fault kind. */
export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}
