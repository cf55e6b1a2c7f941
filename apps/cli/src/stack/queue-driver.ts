import { RedisReasoningClient } from '@threadloom/queue';
import { DriverRequestError } from './driver-request.error.js';
import { retrySettings } from './retry-settings.js';
import type { DriverEvent, DriverSubmission, DriverView, ReasoningDriver } from './reasoning-driver.js';

/** Where the queue driver finds the runtime's keys: the Redis (or a Cluster's seeds), the prefix and the lanes. */
interface QueueDriverTarget {
  readonly redisUrl: string;
  readonly keyPrefix: string;
  readonly redisClusterNodes?: readonly string[];
  readonly lanes?: number;
  /** Every request carries a trace, as the traced API would give it (for stacks that export spans). */
  readonly traceRequests?: boolean;
}

/** The driver over `@threadloom/queue`'s producer client: straight to Redis, no API in between. */
export function createQueueDriver(target: QueueDriverTarget): ReasoningDriver {
  const client = new RedisReasoningClient({ ...target, retry: retrySettings() });
  const get = async (id: string): Promise<DriverView> => {
    const view = await client.get(id);
    if (view === undefined) throw new DriverRequestError(id, 'unknown request');
    return view;
  };
  return {
    submit: (submission: DriverSubmission) =>
      client.submit({
        prompt: submission.prompt,
        parameters: { mode: submission.mode ?? 'parallel', maxTokens: 40_000, onThreadFailure: 'fail' },
        ...(submission.metadata === undefined ? {} : { metadata: { ...submission.metadata } }),
      }),
    get,
    async events(id, onEvent) {
      const events: DriverEvent[] = [];
      for await (const { type, at, data } of client.events(id)) {
        const event = { type, at, data };
        events.push(event);
        onEvent?.(event);
      }
      return events;
    },
    waitForResult: (id, timeoutMs) => client.waitForResult(id, { timeoutMs }),
    close: () => client.close(),
  };
}
