import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { BacklogFullError } from '../common/errors/backlog-full.error.js';
import { RuntimeUnavailableError } from '../common/errors/runtime-unavailable.error.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { QUEUE_INSPECTOR, type QueueInspector } from '../queues/queue-inspector.js';

const MEASURE_EVERY_MS = 250;
// BullMQ's connection queues commands while Redis is away; admission must not wait for it.
const MEASURE_TIMEOUT_MS = 1_500;

/**
 * Admission control. Measuring the queue on every request would double the Redis load under a burst,
 * so the backlog is measured at most every 250 ms, and this process's own submissions since then are
 * added: those in flight, and those confirmed since the measurement began (possibly counted twice —
 * the estimate errs high, so one API process never admits past the bound).
 */
@Injectable()
export class BacklogGate {
  private measured = 0;
  private measuredAt = Number.NEGATIVE_INFINITY;
  private inFlight = 0;
  private confirmedSince = 0;
  private confirmedDuringMeasure = 0;
  private measuring: Promise<void> | undefined;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(QUEUE_INSPECTOR) private readonly inspector: QueueInspector,
    private readonly metrics: MetricsService,
  ) {}

  /** Reserves room for `count` requests or throws {@link BacklogFullError}; then call `confirm` or `release`. */
  async admit(count = 1): Promise<void> {
    if (performance.now() - this.measuredAt > MEASURE_EVERY_MS) await this.refresh();
    const estimate = this.measured + this.confirmedSince + this.inFlight;
    if (estimate + count > this.config.backpressure.maxBacklog) {
      throw new BacklogFullError(this.config.backpressure.retryAfterSeconds, estimate);
    }
    this.inFlight += count;
  }

  /** The reserved requests are now in the queue. */
  confirm(count = 1): void {
    this.inFlight -= count;
    this.confirmedSince += count;
    if (this.measuring) this.confirmedDuringMeasure += count;
  }

  /** The reserved requests were not submitted. */
  release(count = 1): void {
    this.inFlight -= count;
  }

  /** Measures the backlog now (single flight). */
  refresh(): Promise<void> {
    this.measuring ??= this.measure().finally(() => {
      this.measuring = undefined;
    });
    return this.measuring;
  }

  private async measure(): Promise<void> {
    this.confirmedDuringMeasure = 0;
    const backlog = await withTimeout(this.inspector.backlog(), MEASURE_TIMEOUT_MS);
    this.measured = backlog;
    this.measuredAt = performance.now();
    this.confirmedSince = this.confirmedDuringMeasure;
    this.metrics.backlog.set(backlog);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  const timeout = sleep(ms, undefined, { ref: false }).then(() => {
    throw new RuntimeUnavailableError(`queue backlog not readable within ${ms} ms`);
  });
  return Promise.race([work, timeout]);
}
