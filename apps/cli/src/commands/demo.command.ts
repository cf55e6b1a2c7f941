import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.js';
import { startApiStack } from '../stack/api-stack.js';
import { CORPUS_DIR, readCorpusProblems, sampleProblems } from '../stack/corpus-sample.js';
import { CorpusMissingError } from '../stack/corpus-missing.error.js';
import { runDemoBatch } from '../stack/demo-run.js';
import type { LocalStack } from '../stack/local-stack.js';
import { parseNonNegative, parsePositiveInt, urlParser } from '../stack/option-parsers.js';
import { waitForShutdownSignal } from '../stack/shutdown-signal.js';
import { describeStack, PROCESS_OUTPUT, reportingHooks } from '../stack/stack-report.js';

interface DemoOptions {
  readonly machines: number;
  readonly timeScale: number;
  readonly limit?: number;
  readonly redisUrl?: string;
  readonly logs: boolean;
}

/** `threadloom demo`: the whole stack on the simulator, a sample batch of the shipped corpus, a summary. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Start the stack on the simulator (3 machines), run a sample batch of the shipped corpus, print a summary, stop.',
    )
    .option('--machines <n>', 'simulated machines', parsePositiveInt, 3)
    .option('--time-scale <x>', 'simulator time scale (1 = real GPU speed)', parseNonNegative, 0.02)
    .option('--limit <n>', 'run an evenly spread sample of n problems (default: the whole corpus)', parsePositiveInt)
    .option('--redis-url <url>', 'an existing Redis instead of a private one', urlParser(['redis:', 'rediss:']))
    .option('--logs', 'stream every child process output to stderr', false)
    .action(async (options: DemoOptions) => {
      process.exitCode = await demo(options);
    });
}

async function demo(options: DemoOptions): Promise<number> {
  const out = PROCESS_OUTPUT;
  const shutdown = waitForShutdownSignal();
  let stack: LocalStack | undefined;
  try {
    const corpus = readCorpusProblems();
    const problems = options.limit === undefined ? corpus : sampleProblems(corpus, options.limit);
    if (problems.length === 0) throw new CorpusMissingError(CORPUS_DIR);
    out.out(
      `threadloom demo: starting Redis and ${options.machines} simulated machines (time scale ${options.timeScale})…`,
    );
    const started = await startApiStack(
      {
        machines: options.machines,
        timeScale: options.timeScale,
        keyPrefix: `{threadloom-demo-${randomUUID().slice(0, 8)}}`,
        ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
      },
      reportingHooks(out, options.logs),
    );
    stack = started.stack;
    for (const line of describeStack(stack)) out.out(`  ${line}`);
    out.out(`threadloom demo: submitting ${problems.length} problems of the shipped corpus through the API…`);
    const batch = runDemoBatch(started.client, problems);
    const finished = await Promise.race([batch, shutdown.signal.then(() => undefined)]);
    if (finished === undefined) {
      out.err('threadloom demo: interrupted.');
      return EXIT_FAILED;
    }
    out.out(finished);
    return EXIT_OK;
  } catch (error) {
    out.err(`threadloom demo: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  } finally {
    if (stack !== undefined) {
      await stack.stop();
      out.out('threadloom demo: stack stopped.');
    }
    shutdown.dispose();
  }
}
