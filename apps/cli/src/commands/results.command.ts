import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes.js';
import { jsonLines } from '../remote/jsonl-stream.js';
import {
  exitCodeOf,
  remoteApiOf,
  reportFailure,
  withRemoteOptions,
  type RemoteOptions,
} from '../remote/remote-options.js';
import { isBatchId, pathOf } from '../remote/remote-views.js';

interface ResultsOptions extends RemoteOptions {
  readonly out?: string;
}

/** `threadloom results ID`: a batch's results JSONL, or one request's full view. */
export function registerResultsCommand(program: Command): void {
  const command = program
    .command('results')
    .description("Write a batch's results (one JSON line per request, in submission order) or a request's full view.")
    .argument('<id>', 'a batch id (batch_…) or a request id')
    .option('--out <file>', 'write to this file instead of stdout');
  withRemoteOptions(command).action(async (id: string, options: ResultsOptions) => {
    process.exitCode = await results(id, options);
  });
}

async function results(id: string, options: ResultsOptions): Promise<number> {
  try {
    const api = remoteApiOf(options);
    const path = isBatchId(id) ? `${pathOf(id)}/results` : pathOf(id);
    const response = await api.open('GET', path);
    const sink = options.out === undefined ? process.stdout : createWriteStream(options.out);
    let lines = 0;
    const write = async (text: string): Promise<void> => {
      if (!sink.write(`${text}\n`)) await once(sink, 'drain');
      lines += 1;
    };
    if (!isBatchId(id)) await write(JSON.stringify(await response.json()));
    else if (response.body !== null) for await (const line of jsonLines(response.body)) await write(line);
    if (options.out !== undefined) {
      sink.end();
      await once(sink, 'finish');
      const report = { id, out: options.out, lines };
      process.stdout.write(`${options.json ? JSON.stringify(report) : `wrote ${lines} lines to ${options.out}`}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    return reportFailure('results', error, options.json, exitCodeOf(error, true));
  }
}
