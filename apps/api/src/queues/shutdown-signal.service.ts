import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** Aborts when the application starts shutting down, so long-lived streams (SSE) end and the server can close. */
@Injectable()
export class ShutdownSignal implements BeforeApplicationShutdown {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** A signal that aborts on shutdown or when `other` aborts. */
  with(other: AbortSignal): AbortSignal {
    return AbortSignal.any([this.controller.signal, other]);
  }

  beforeApplicationShutdown(): void {
    this.controller.abort();
  }
}
