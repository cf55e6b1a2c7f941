import 'reflect-metadata';
import { readApiConfigFromProcess } from './config/process-env.js';
import { createApiApp } from './create-api-app.js';

// Process entry: configuration from the environment, one ready line, graceful shutdown on SIGTERM/SIGINT.
const config = readApiConfigFromProcess();
if (!config.ok) {
  process.stderr.write(
    `threadloom-api: invalid configuration\n${config.issues.map((issue) => `  ${issue}`).join('\n')}\n`,
  );
  process.exit(78); // EX_CONFIG
}
const app = await createApiApp(config.value).catch((error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'threadloom-api failed to start', error: `${error instanceof Error ? error.message : String(error)}${cause}` })}\n`,
  );
  process.exit(1);
});
// Nest closes the app on SIGTERM/SIGINT (enableShutdownHooks); this bounds how long that may take.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    process.stdout.write(
      `${JSON.stringify({ level: 'info', msg: 'threadloom-api shutting down', signal, graceMs: config.value.shutdownGraceMs })}\n`,
    );
    setTimeout(() => process.exit(1), config.value.shutdownGraceMs).unref();
  });
}
await app.listen(config.value.port, config.value.host);
const address = app.getHttpServer().address();
const port = typeof address === 'object' && address ? address.port : config.value.port;
const host = config.value.host === '0.0.0.0' || config.value.host === '::' ? '127.0.0.1' : config.value.host;
process.stdout.write(
  `${JSON.stringify({ level: 'info', msg: 'threadloom-api ready', url: `http://${host}:${port}` })}\n`,
);
