import type { ReasoningClient } from '@threadloom/contracts';
// The producer-side client ships with the worker package (it shares the worker's Redis store and
// dispatch code). This factory is the API's only import of it; everything else depends on the
// ReasoningClient interface from @threadloom/contracts.
// eslint-disable-next-line @nx/enforce-module-boundaries -- app-to-app import of the runtime's client, confined to this file
import { RedisReasoningClient } from '@threadloom/worker';
import type { ApiConfig } from '../config/api-config.js';

/** The production {@link ReasoningClient}: the distributed runtime's producer over Redis and BullMQ. */
export function createReasoningClient(config: ApiConfig): ReasoningClient {
  return new RedisReasoningClient({ redisUrl: config.redisUrl, keyPrefix: config.keyPrefix });
}
