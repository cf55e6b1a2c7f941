import { basename, dirname, extname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT_UNAVAILABLE, EXIT_USAGE } from '../exit-codes.js';
import {
  exitCodeOf,
  remoteApiOf,
  reportFailure,
  withRemoteOptions,
  type RemoteOptions,
} from '../remote/remote-options.js';
import { DEFAULT_MAX_BATCH_SIZE } from '../remote/submit-plan.js';
import { runSubmit } from '../remote/submit-run.js';
import { SubmitUsageError } from '../remote/submit-usage.error.js';
import { parsePositiveInt } from '../stack/option-parsers.js';
import { waitForShutdownSignal } from '../stack/shutdown-signal.js';

interface SubmitOptions extends RemoteOptions {
  readonly out?: string;
  readonly mode?: 'parallel' | 'sequential';
  readonly groundTruth?: string;
  readonly batchSize: number;
}

/** `threadloom submit FILE.jsonl`: batch reasoning against an API, resumable. */
export function registerSubmitCommand(program: Command): void {
  const command = program
    .command('submit')
    .description(
      'Submit a JSONL file of problems as batches, follow them with a progress bar, stream results to a file, print a summary. Run it again to resume.',
    )
    .argument(
      '<file>',
      'JSONL: one problem per line ({id?, problem|prompt|messages, …} or a batch line {custom_id?, body, ground_truth?})',
    )
    .option(
      '--out <file>',
      'results JSONL (default: <file>.results.jsonl beside the input); its state sits in <out>.state.json',
    )
    .addOption(new Option('--mode <mode>', 'reasoning mode of every line').choices(['parallel', 'sequential']))
    .option(
      '--ground-truth <field>',
      "field of each line holding the reference answer (default: a batch line's ground_truth)",
    )
    .option(
      '--batch-size <n>',
      "lines per batch (the API's limit; default its documented default)",
      parsePositiveInt,
      DEFAULT_MAX_BATCH_SIZE,
    );
  withRemoteOptions(command).action(async (file: string, options: SubmitOptions) => {
    process.exitCode = await submit(file, options);
  });
}

async function submit(file: string, options: SubmitOptions): Promise<number> {
  const shutdown = waitForShutdownSignal();
  const interrupt = new AbortController();
  void shutdown.signal.then(() => interrupt.abort());
  try {
    return await runSubmit(
      {
        file,
        out: options.out ?? defaultOut(file),
        batchSize: options.batchSize,
        json: options.json,
        ...(options.mode !== undefined && { mode: options.mode }),
        ...(options.groundTruth !== undefined && { groundTruth: options.groundTruth }),
      },
      remoteApiOf(options),
      interrupt.signal,
    );
  } catch (error) {
    const code = error instanceof SubmitUsageError ? EXIT_USAGE : exitCodeOf(error);
    reportFailure('submit', error, options.json, code);
    // The state file holds what was sent: the same command picks up from there once the API answers.
    if (code === EXIT_UNAVAILABLE)
      process.stderr.write('threadloom submit: run the same command again once the API answers; it resumes.\n');
    return code;
  } finally {
    shutdown.dispose();
  }
}

/** `problems.jsonl` → `problems.results.jsonl` in the same directory. */
function defaultOut(file: string): string {
  const name = basename(file, extname(file));
  return join(dirname(file), `${name}.results.jsonl`);
}
