import { randomUUID } from 'node:crypto';
import { startLocalStack, type LocalStack, type StackHooks } from './local-stack.js';
import { createQueueDriver } from './queue-driver.js';
import type { ReasoningDriver } from './reasoning-driver.js';
import type { StackOptions } from './stack-plan.js';

/** A local stack without the API, driven through the queue client. */
export interface QueueStack {
  readonly stack: LocalStack;
  readonly driver: ReasoningDriver;
  /** Closes the driver, then stops the stack. */
  readonly stop: () => Promise<void>;
}

/** Starts Redis (unless given), engines and workers under a fresh key prefix (unless given), and a queue client for them. */
export async function startQueueStack(
  options: Omit<StackOptions, 'apiPort' | 'apiKey' | 'apiEnv'>,
  hooks: StackHooks = {},
): Promise<QueueStack> {
  const keyPrefix = options.keyPrefix ?? `{threadloom-${randomUUID().slice(0, 8)}}`;
  const stack = await startLocalStack({ ...options, keyPrefix }, hooks);
  const driver = createQueueDriver({
    redisUrl: stack.redisUrl,
    keyPrefix,
    // A stack that exports spans traces each request from submission, as the API does: the whole span tree.
    traceRequests: options.otlpEndpoint !== undefined,
    ...(options.redisClusterNodes === undefined ? {} : { redisClusterNodes: options.redisClusterNodes }),
    ...(options.lanes === undefined ? {} : { lanes: options.lanes }),
  });
  return {
    stack,
    driver,
    stop: async () => {
      await driver.close();
      await stack.stop();
    },
  };
}
