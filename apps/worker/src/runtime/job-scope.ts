import type { CancellationRegistry } from './cancellation-registry.js';

/** The abort signal of one job: cancellation (pub/sub), the request deadline. */
interface JobScope {
  readonly signal: AbortSignal;
  dispose(): void;
}

/** Opens a scope whose signal aborts with 'cancelled' or 'deadline'. */
export function openJobScope(
  cancellations: CancellationRegistry,
  requestId: string,
  jobId: string,
  deadlineAt: number | null,
): JobScope {
  const controller = new AbortController();
  const untrack = cancellations.track(requestId, jobId, controller);
  const timer =
    deadlineAt === null
      ? undefined
      : setTimeout(() => controller.abort('deadline'), Math.max(0, deadlineAt - Date.now()));
  return {
    signal: controller.signal,
    dispose: () => {
      untrack();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
