import { setTimeout as sleep } from 'node:timers/promises';
import { servedContextKey } from '@threadloom/contracts';
import type { EngineClient } from '@threadloom/engine-client';
import type { RedisClient } from '@threadloom/queue';

/** How long the boot-time read of the engine's model card may take. */
const MODELS_TIMEOUT_MS = 3_000;

/**
 * Publishes the served context under this machine (ENGINE_MAX_MODEL_LEN, else `max_model_len` of
 * vLLM's `GET /v1/models`, asked with the engine key), so producers can refuse a submission that can
 * never fit. Returns the length, or undefined when the engine does not say (nothing is published).
 */
export async function publishServedContext(
  redis: RedisClient,
  engine: EngineClient,
  options: { machineId: string; keyPrefix: string },
): Promise<number | undefined> {
  const length = await Promise.race([
    engine.servedContext(),
    sleep(MODELS_TIMEOUT_MS, undefined, { ref: false }).then(() => {
      throw new Error(`no answer from /v1/models in ${MODELS_TIMEOUT_MS} ms`);
    }),
  ]);
  if (length === undefined) return undefined;
  await redis.hset(servedContextKey(options.keyPrefix), options.machineId, String(length));
  return length;
}
