import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.js';
import { ClusterWithoutUrlError } from '../stack/cluster-without-url.error.js';
import { startLocalStack } from '../stack/local-stack.js';
import {
  parseClusterSeeds,
  parseLanes,
  parseNonNegative,
  parsePort,
  parsePositiveInt,
  urlParser,
} from '../stack/option-parsers.js';
import { waitForShutdownSignal } from '../stack/shutdown-signal.js';
import type { StackOptions } from '../stack/stack-plan.js';
import { describeStack, PROCESS_OUTPUT, reportingHooks } from '../stack/stack-report.js';

/** Commander's parsed options: the stack's own names, and `port` and `logs` of the command. */
interface UpOptions extends Pick<
  StackOptions,
  | 'machines'
  | 'timeScale'
  | 'engineUrl'
  | 'engineApiKey'
  | 'redisUrl'
  | 'redisClusterNodes'
  | 'lanes'
  | 'apiKey'
  | 'otlpEndpoint'
> {
  readonly port: number;
  readonly logs: boolean;
}

/** `threadloom up`: a whole local stack (Redis, simulated machines, join worker, API) until Ctrl-C. */
export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description(
      'Start a local stack: Redis, N simulated GPU machines (engine-sim + worker), a join worker and the API. Ctrl-C stops it.',
    )
    .option('--machines <n>', 'simulated machines (engine-sim + reason/thread worker each)', parsePositiveInt, 2)
    .option('--time-scale <x>', 'simulator time scale (0 = no simulated waiting)', parseNonNegative, 1)
    .option('--engine-url <url>', 'a real vLLM endpoint instead of the simulators', urlParser(['http:', 'https:']))
    .addOption(
      new Option('--engine-api-key <key>', "that engine's --api-key (for model discovery and every worker call)").env(
        'ENGINE_API_KEY',
      ),
    )
    .option('--redis-url <url>', 'an existing Redis instead of a private one', urlParser(['redis:', 'rediss:']))
    .option(
      '--redis-cluster-nodes <seeds>',
      'with --redis-url: host:port seeds of the Redis Cluster it belongs to (the URL then gives only credentials and TLS)',
      parseClusterSeeds,
    )
    .option('--lanes <n>', 'lanes new requests are spread over (LANES of the workers and the API)', parseLanes)
    .option('--port <p>', 'API port (0 = any free port)', parsePort, 8080)
    .option('--api-key <key>', 'admin API key configured on the API')
    .option('--logs', 'stream every child process output to stderr', false)
    .option(
      '--otlp-endpoint <url>',
      'export every process’s spans over OTLP/HTTP to this collector, Jaeger or Tempo (e.g. http://localhost:4318)',
      urlParser(['http:', 'https:']),
    )
    .action(async (options: UpOptions) => {
      process.exitCode = await up(options);
    });
}

async function up(options: UpOptions): Promise<number> {
  const output = PROCESS_OUTPUT;
  const shutdown = waitForShutdownSignal();
  try {
    if (options.redisClusterNodes !== undefined && options.redisUrl === undefined) throw new ClusterWithoutUrlError();
    output.out('threadloom: starting the local stack…');
    // No key given: a fresh admin key for this run, printed once, so the API never runs open.
    const apiKey = options.apiKey ?? `tl-${randomBytes(18).toString('base64url')}`;
    const stack = await startLocalStack(
      {
        machines: options.machines,
        timeScale: options.timeScale,
        engineUrl: options.engineUrl,
        engineApiKey: options.engineApiKey,
        redisUrl: options.redisUrl,
        redisClusterNodes: options.redisClusterNodes,
        lanes: options.lanes,
        apiPort: options.port,
        apiKey,
        otlpEndpoint: options.otlpEndpoint,
      },
      reportingHooks(output, options.logs),
    );
    for (const line of describeStack(stack)) output.out(line);
    if (stack.apiUrl !== undefined && options.apiKey === undefined)
      output.out(`${'api key'.padEnd(11)}${apiKey} (generated; pass --api-key to choose one)`);
    output.out('threadloom stack ready. Press Ctrl-C to stop.');
    const reason = await Promise.race([shutdown.signal, stack.lost]);
    const lost = typeof reason === 'object';
    if (lost) output.err(`✗ ${reason.name} cannot be kept running; stopping the stack.`);
    output.out('threadloom: stopping…');
    const report = await stack.stop();
    if (report.redisDataKept !== undefined)
      output.err(`redis-server crashed during this run: its data (AOF) is kept in ${report.redisDataKept}`);
    output.out('threadloom: stopped.');
    return lost ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    output.err(`threadloom up: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  } finally {
    shutdown.dispose();
  }
}
