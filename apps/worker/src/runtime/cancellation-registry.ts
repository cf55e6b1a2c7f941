import type { Redis } from 'ioredis';

/**
 * Cross-machine cancellation: producers PUBLISH a request id on the cancel channel; every worker
 * subscribes and aborts the AbortControllers of its active jobs for that request.
 */
export class CancellationRegistry {
  private readonly active = new Map<string, Set<AbortController>>();
  private readonly byJob = new Map<string, AbortController>();
  private readonly subscriber: Redis;
  private readonly channel: string;

  constructor(subscriber: Redis, channel: string) {
    this.subscriber = subscriber;
    this.channel = channel;
  }

  async start(): Promise<void> {
    this.subscriber.on('message', (channel: string, requestId: string) => {
      if (channel === this.channel) this.abort(requestId, 'cancelled');
    });
    await this.subscriber.subscribe(this.channel);
  }

  /** Registers the controller of job `jobId` of `requestId`; call the returned function when the job ends. */
  track(requestId: string, jobId: string, controller: AbortController): () => void {
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

  /** Aborts every active job of `requestId` in this process. */
  abort(requestId: string, reason: string): void {
    for (const controller of this.active.get(requestId) ?? []) controller.abort(reason);
  }

  async stop(): Promise<void> {
    await this.subscriber.unsubscribe(this.channel).catch(() => undefined);
    this.subscriber.disconnect();
  }
}
