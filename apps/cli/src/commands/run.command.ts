import { Option, type Command } from 'commander';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.js';
import { runDistributed } from '../stack/distributed-run.js';
import { runInProcess } from '../stack/in-process-run.js';
import { ClusterWithoutUrlError } from '../stack/cluster-without-url.error.js';
import { DistributedOnlyOptionError } from '../stack/distributed-only-option.error.js';
import { parseClusterSeeds, parseLanes, parseNonNegative, urlParser } from '../stack/option-parsers.js';
import { formatRunReport, type RunReport } from '../stack/run-report.js';

/** Ends where the request failed rather than finished (a length cut still prints a usable trajectory). */
const FAILED_TERMINATIONS: ReadonlySet<string> = new Set([
  'engine_error',
  'thread_failed',
  'aborted',
  'failed',
  'cancelled',
  'expired',
]);

interface RunOptions {
  readonly problem: string;
  readonly engineUrl?: string;
  readonly engineApiKey?: string;
  readonly redisUrl?: string;
  readonly redisClusterNodes?: readonly string[];
  readonly lanes?: number;
  readonly json: boolean;
  readonly distributed: boolean;
  readonly timeScale: number;
}

/** `threadloom run`: one request, in process (default) or through a temporary distributed stack. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('Run one problem with parallel reasoning and print the trajectory and its critical-path metrics.')
    .requiredOption('--problem <text>', 'the user message (rendered with the Qwen3 chat template)')
    .option('--engine-url <url>', 'a vLLM endpoint (default: a built-in simulator)', urlParser(['http:', 'https:']))
    .addOption(new Option('--engine-api-key <key>', "that engine's --api-key").env('ENGINE_API_KEY'))
    .option('--json', 'print one JSON object {text, metrics, requests}', false)
    .option(
      '--distributed',
      'run through a temporary local stack (Redis, simulator, workers) instead of in process',
      false,
    )
    .option(
      '--redis-url <url>',
      'with --distributed: an existing Redis instead of a private one',
      urlParser(['redis:', 'rediss:']),
    )
    .option(
      '--redis-cluster-nodes <seeds>',
      'with --redis-url: host:port seeds of the Redis Cluster it belongs to (the URL then gives only credentials and TLS)',
      parseClusterSeeds,
    )
    .option(
      '--lanes <n>',
      'with --distributed: lanes of the workers and the client (the request lands in one)',
      parseLanes,
    )
    .option('--time-scale <x>', 'simulator time scale (0 = instant)', parseNonNegative, 0)
    .action(async (options: RunOptions) => {
      process.exitCode = await run(options);
    });
}

async function run(options: RunOptions): Promise<number> {
  try {
    const report = await produce(options);
    const { text, metrics, requests, failure } = report;
    process.stdout.write(options.json ? `${JSON.stringify({ text, metrics, requests })}\n` : formatRunReport(report));
    if (failure !== undefined) process.stderr.write(`threadloom run: ${metrics.termination}: ${failure}\n`);
    return FAILED_TERMINATIONS.has(report.metrics.termination) ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    process.stderr.write(`threadloom run: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILED;
  }
}

function produce(options: RunOptions): Promise<RunReport> {
  const engine =
    options.engineUrl === undefined
      ? {}
      : {
          engineUrl: options.engineUrl,
          ...(options.engineApiKey === undefined ? {} : { engineApiKey: options.engineApiKey }),
        };
  if (!options.distributed) {
    const distributedOnly = distributedOnlyOptionGiven(options);
    if (distributedOnly !== undefined) throw new DistributedOnlyOptionError(distributedOnly);
    return runInProcess(options.problem, { ...engine, timeScale: options.timeScale });
  }
  if (options.redisClusterNodes !== undefined && options.redisUrl === undefined) throw new ClusterWithoutUrlError();
  const redis = {
    ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
    ...(options.redisClusterNodes === undefined ? {} : { redisClusterNodes: options.redisClusterNodes }),
    ...(options.lanes === undefined ? {} : { lanes: options.lanes }),
  };
  return runDistributed(options.problem, { ...engine, ...redis, timeScale: options.timeScale });
}

/** The first Redis option given to a run that would ignore it. */
function distributedOnlyOptionGiven(options: RunOptions): string | undefined {
  if (options.redisUrl !== undefined) return '--redis-url';
  if (options.redisClusterNodes !== undefined) return '--redis-cluster-nodes';
  if (options.lanes !== undefined) return '--lanes';
  return undefined;
}
