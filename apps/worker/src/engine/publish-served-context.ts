import { servedContextKey } from '@threadloom/contracts';
import { engineEndpoint } from '@threadloom/engine-client';
import type { Redis } from 'ioredis';

/** How long the boot-time read of the engine's model card may take. */
const MODELS_TIMEOUT_MS = 3_000;

/**
 * Reads the served context (`max_model_len` of vLLM's `GET /v1/models` card for `model`, else the
 * first card) and publishes it under this machine, so producers can refuse a submission that can
 * never fit. Returns the length, or undefined when the engine does not say (nothing is published).
 */
export async function publishServedContext(
  redis: Redis,
  options: { engineUrl: string; model: string; machineId: string; keyPrefix: string },
): Promise<number | undefined> {
  const url = engineEndpoint(options.engineUrl, '/v1/models');
  const response = await fetch(url, { signal: AbortSignal.timeout(MODELS_TIMEOUT_MS) });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { data?: { id?: unknown; max_model_len?: unknown }[] };
  const cards = Array.isArray(body.data) ? body.data : [];
  const card = cards.find((entry) => entry.id === options.model) ?? cards[0];
  const length = card?.max_model_len;
  if (typeof length !== 'number' || !Number.isInteger(length) || length <= 0) return undefined;
  await redis.hset(servedContextKey(options.keyPrefix), options.machineId, String(length));
  return length;
}
