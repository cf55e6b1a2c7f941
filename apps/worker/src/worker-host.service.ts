import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { WorkerConfig } from './config/worker-config.js';
import { shutdownTelemetry } from '@threadloom/telemetry';
import { WorkerRuntime } from './runtime/worker-runtime.js';
import { WORKER_CONFIG } from './worker-config.token.js';

/** Owns the BullMQ workers of this process: starts them at bootstrap, drains them on SIGTERM. */
@Injectable()
export class WorkerHostService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('worker');
  private readonly runtime: WorkerRuntime;

  constructor(@Inject(WORKER_CONFIG) config: WorkerConfig) {
    this.runtime = new WorkerRuntime(config, this.logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.start();
  }

  /** Where this process serves `/metrics` (undefined when not served). */
  get metricsPort(): number | undefined {
    return this.runtime.metricsPort;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.close();
    // Spans of the last jobs are flushed before the process exits.
    await shutdownTelemetry();
  }
}
