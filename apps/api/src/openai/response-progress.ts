import { requestKeys } from '@threadloom/contracts';
import type { RedisClient } from '@threadloom/queue';

/** Reads how much of a request's response is final so far. */
export interface ResponseProgress {
  /** The response so far (never past a point that can still change), or undefined when unknown. */
  finalSoFar(requestId: string): Promise<string | undefined>;
}

/** DI token of the {@link ResponseProgress}. */
export const RESPONSE_PROGRESS = Symbol('RESPONSE_PROGRESS');

/**
 * Reads the request's checkpoint (contracts key layout): its state's `response` holds every
 * sequential step and joined block so far — threads enter it only when their block is joined.
 */
export class CheckpointResponseProgress implements ResponseProgress {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async finalSoFar(requestId: string): Promise<string | undefined> {
    const raw = await this.redis.get(requestKeys(this.prefix, requestId).checkpoint);
    if (raw === null) return undefined;
    try {
      const response = (JSON.parse(raw) as { state?: { response?: unknown } }).state?.response;
      return typeof response === 'string' ? response : undefined;
    } catch {
      return undefined;
    }
  }
}
