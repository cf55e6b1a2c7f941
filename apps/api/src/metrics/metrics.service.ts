import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Outcome label of a submission attempt. */
type SubmissionOutcome = 'accepted' | 'backlog_full' | 'rate_limited' | 'invalid' | 'conflict' | 'error';

/** Prometheus metrics of this API process (its own registry, so several apps can share a process in tests). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'threadloom_api_http_requests_total',
    help: 'HTTP requests by route and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'threadloom_api_http_request_duration_seconds',
    help: 'HTTP request latency (until the response is finished; streams included).',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly submissions = new Counter({
    name: 'threadloom_api_submissions_total',
    help: 'Reasoning submissions by outcome.',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly backlog = new Gauge({
    name: 'threadloom_api_backlog',
    help: 'Last measured backlog of the reason queue.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'threadloom_api_' });
  }

  /** Counts one submission attempt. */
  submission(outcome: SubmissionOutcome, count = 1): void {
    this.submissions.inc({ outcome }, count);
  }
}
