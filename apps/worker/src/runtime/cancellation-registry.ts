import type { RedisClient } from '@threadloom/queue';

/** How long a cancelled request id is remembered, so a job that registers just after the message still aborts. */
const REMEMBER_CANCELLED_MS = 60_000;

/**
 * Cross-machine cancellation: producers PUBLISH a request id on the cancel channel; every worker
 * subscribes and aborts the AbortControllers of its active jobs for that request.
 */
export class CancellationRegistry {
  private readonly active = new Map<string, Set<AbortController>>();
  /** Request id → time its cancel message arrived (a job may load the request before, and register after, it). */
  private readonly cancelled = new Map<string, number>();
  private readonly byJob = new Map<string, AbortController>();
  private readonly subscriber: RedisClient;
  private readonly channel: string;

  constructor(subscriber: RedisClient, channel: string) {
    this.subscriber = subscriber;
    this.channel = channel;
  }

  async start(): Promise<void> {
    this.subscriber.on('message', (channel: string, requestId: string) => {
      if (channel === this.channel) this.cancel(requestId);
    });
    await this.subscriber.subscribe(this.channel);
  }

  /** Registers the controller of job `jobId` of `requestId`; call the returned function when the job ends. */
  track(requestId: string, jobId: string, controller: AbortController): () => void {
    if (this.wasCancelled(requestId)) controller.abort('cancelled');
    const set = this.active.get(requestId) ?? new Set<AbortController>();
    set.add(controller);
    this.active.set(requestId, set);
    this.byJob.set(jobId, controller);
    return () => {
      set.delete(controller);
      if (set.size === 0) this.active.delete(requestId);
      if (this.byJob.get(jobId) === controller) this.byJob.delete(jobId);
    };
  }

  /** Aborts one job's work (e.g. its lock was lost: another worker will redo it). */
  abortJob(jobId: string, reason: string): void {
    this.byJob.get(jobId)?.abort(reason);
  }

  /** Handles a cancel message: aborts the request's active jobs and remembers it for jobs about to start. */
  cancel(requestId: string, now = Date.now()): void {
    this.forgetExpired(now);
    this.cancelled.set(requestId, now);
    this.abort(requestId, 'cancelled');
  }

  private wasCancelled(requestId: string, now = Date.now()): boolean {
    const at = this.cancelled.get(requestId);
    return at !== undefined && now - at < REMEMBER_CANCELLED_MS;
  }

  private forgetExpired(now: number): void {
    for (const [id, at] of this.cancelled) {
      if (now - at < REMEMBER_CANCELLED_MS) break; // insertion order = arrival order
      this.cancelled.delete(id);
    }
  }

  /** Aborts every active job of `requestId` in this process. */
  abort(requestId: string, reason: string): void {
    for (const controller of this.active.get(requestId) ?? []) controller.abort(reason);
  }

  async stop(): Promise<void> {
    await this.subscriber.unsubscribe(this.channel).catch(() => undefined);
    this.subscriber.disconnect();
  }
}
