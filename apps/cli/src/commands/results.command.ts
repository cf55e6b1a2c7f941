import { once } from 'node:events';
import { accessSync, constants, createWriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { idCommand } from '../remote/id-command.js';
import { jsonLines } from '../remote/jsonl-stream.js';
import type { RemoteApi } from '../remote/remote-api.js';
import { reportFailure, type RemoteOptions } from '../remote/remote-options.js';
import { isJobId, isRolloutId, pathOf } from '../remote/remote-views.js';
import { ROLLOUT_OUTPUTS } from '../remote/rollout-run.js';

interface ResultsOptions extends RemoteOptions {
  readonly out?: string;
  readonly format: (typeof ROLLOUT_OUTPUTS)[number];
}

/** `threadloom results ID`: a batch's or rollout job's results JSONL, or one request's full view. */
export function registerResultsCommand(program: Command): void {
  idCommand(
    program,
    'results',
    "Write a batch's results (one JSON line per request, in submission order), a rollout job's rows (--format) or a request's full view.",
    results,
  )
    .option('--out <file>', 'write to this file instead of stdout')
    .addOption(
      new Option('--format <format>', "a rollout job's rows: one line per group, per packed row or per engine call")
        .choices(ROLLOUT_OUTPUTS)
        .default('groups'),
    );
}

async function results(api: RemoteApi, id: string, options: ResultsOptions): Promise<number> {
  const unwritable = options.out === undefined ? undefined : unwritableReason(options.out);
  if (unwritable !== undefined) return reportFailure('results', new Error(unwritable), options.json, EXIT_USAGE);
  const path = isRolloutId(id)
    ? `${pathOf(id)}/results?format=${options.format}`
    : isJobId(id)
      ? `${pathOf(id)}/results`
      : pathOf(id);
  const response = await api.open('GET', path);
  const sink = options.out === undefined ? process.stdout : createWriteStream(options.out);
  let lines = 0;
  const write = async (text: string): Promise<void> => {
    if (!sink.write(`${text}\n`)) await once(sink, 'drain');
    lines += 1;
  };
  if (!isJobId(id)) await write(JSON.stringify(await response.json()));
  else if (response.body !== null) for await (const line of jsonLines(response.body)) await write(line);
  if (options.out === undefined) return EXIT_OK;
  sink.end();
  await once(sink, 'finish');
  const report = { id, out: options.out, lines };
  process.stdout.write(`${options.json ? JSON.stringify(report) : `wrote ${lines} lines to ${options.out}`}\n`);
  return EXIT_OK;
}

/** Why `path` cannot be written (its folder is missing or read-only), before anything is fetched. */
function unwritableReason(path: string): string | undefined {
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
    return undefined;
  } catch (error) {
    return `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}
