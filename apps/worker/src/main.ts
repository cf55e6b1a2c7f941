import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseWorkerConfig } from './config/worker-config.js';
import { WorkerHostService } from './worker-host.service.js';
import { WorkerModule } from './worker.module.js';

/** Process entry: validate the environment, start the workers, print one ready line. */
async function main(): Promise<void> {
  const parsed = parseWorkerConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`Invalid worker configuration:\n  ${parsed.issues.join('\n  ')}\n`);
    process.exit(2);
  }
  const config = parsed.value;
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: ['error', 'warn'] });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  // Operators (and the shutdown test) see when draining began: from here on no new job is taken.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => process.stdout.write(`worker draining machine=${config.machineId} at=${Date.now()}\n`));
  }
  const metricsPort = app.get(WorkerHostService).metricsPort;
  const metrics = metricsPort === undefined ? '' : ` metrics=${metricsPort}`;
  const lanes = config.lanes === 1 ? '' : ` lanes=${config.workerLanes.join(',')}/${config.lanes}`;
  process.stdout.write(
    `worker ready machine=${config.machineId} roles=${config.roles.join(',')} prefix=${config.keyPrefix}${lanes}${metrics}\n`,
  );
}

process.on('unhandledRejection', (reason: unknown) => {
  process.stderr.write(
    `worker: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
  );
});

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
