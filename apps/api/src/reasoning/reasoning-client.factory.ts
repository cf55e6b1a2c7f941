import type { ReasoningClient } from '@threadloom/contracts';
// The producer-side client lives in @threadloom/queue with the Redis store and dispatch code the
// workers use. Reasoning code depends only on the ReasoningClient interface from
// @threadloom/contracts; this factory builds it (rollouts use their own group store from the same library).
import { RedisReasoningClient } from '@threadloom/queue';
import { RuntimeUnavailableError } from '../common/errors/runtime-unavailable.error.js';
import type { ApiConfig } from '../config/api-config.js';

/**
 * The production {@link ReasoningClient}: the distributed runtime's producer over Redis and BullMQ.
 * Boot waits until Redis answers (and fails if it does not), so a started API can always submit.
 */
export async function createReasoningClient(config: ApiConfig): Promise<ReasoningClient> {
  const client = new RedisReasoningClient({
    redisUrl: config.redisUrl,
    redisClusterNodes: config.redisClusterNodes,
    keyPrefix: config.keyPrefix,
    lanes: config.lanes,
    retry: config.retry,
    connection: { commandTimeoutMs: config.redis.commandTimeoutMs, reconnectMaxMs: config.redis.reconnectMaxMs },
  });
  try {
    return await client.connect();
  } catch (error) {
    await client.close();
    throw new RuntimeUnavailableError(`Redis at ${where(config)} is not reachable`, { cause: error });
  }
}

function where(config: ApiConfig): string {
  if (config.redisClusterNodes.length > 0) return `cluster ${config.redisClusterNodes.join(',')}`;
  return config.redisUrl.replace(/\/\/[^@/]*@/, '//***@');
}
