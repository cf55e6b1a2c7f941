import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

const DRAIN_BOUND_MS = 2_000;

/**
 * Aborts when the application starts shutting down so long-lived responses (SSE, streamed
 * completions) end, and waits (bounded) until they have: the HTTP server then finds their
 * connections idle and closes them at once instead of after the keep-alive timeout.
 */
@Injectable()
export class ShutdownSignal implements BeforeApplicationShutdown {
  private readonly controller = new AbortController();
  private readonly streams = new Set<Promise<unknown>>();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** A signal that aborts on shutdown or when `other` aborts. */
  with(other: AbortSignal): AbortSignal {
    return AbortSignal.any([this.controller.signal, other]);
  }

  /** Registers a long-lived response; shutdown waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.streams.add(settled);
    void settled.then(() => this.streams.delete(settled));
    return work;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.controller.abort();
    if (this.streams.size === 0) return;
    await Promise.race([Promise.allSettled(this.streams), sleep(DRAIN_BOUND_MS, undefined, { ref: false })]);
  }
}
