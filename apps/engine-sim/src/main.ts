#!/usr/bin/env node
// Process entry: `node apps/engine-sim/dist/main.js [--port P] …`; prints the URL, SIGTERM/SIGINT stop it.
import { parseSimArgs } from './config/parse-sim-args.js';
import { shutdownTelemetry } from '@threadloom/telemetry';
import { startEngineSim } from './start-engine-sim.js';

try {
  const sim = await startEngineSim(parseSimArgs(process.argv.slice(2), process.env));
  process.stdout.write(`${sim.url}\n`);
  const stop = (): void => {
    sim
      .close()
      .then(() => shutdownTelemetry())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  process.stderr.write(`engine-sim: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
