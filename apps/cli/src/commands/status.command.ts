import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes.js';
import {
  exitCodeOf,
  remoteApiOf,
  reportFailure,
  withRemoteOptions,
  type RemoteOptions,
} from '../remote/remote-options.js';
import type { RemoteRequestView } from '../remote/result-line.js';
import { describeBatch, describeRequest, isBatchId, pathOf, type RemoteBatchView } from '../remote/remote-views.js';

/** `threadloom status ID`: where a batch or a request stands. */
export function registerStatusCommand(program: Command): void {
  const command = program
    .command('status')
    .description('Show a batch (counts, accuracy, mean token speedup) or a request (status, answer, tokens).')
    .argument('<id>', 'a batch id (batch_…) or a request id');
  withRemoteOptions(command).action(async (id: string, options: RemoteOptions) => {
    process.exitCode = await status(id, options);
  });
}

async function status(id: string, options: RemoteOptions): Promise<number> {
  try {
    const view = await remoteApiOf(options).json<RemoteBatchView | RemoteRequestView>('GET', pathOf(id));
    process.stdout.write(`${options.json ? JSON.stringify(view) : describe(id, view)}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportFailure('status', error, options.json, exitCodeOf(error, true));
  }
}

/** Human lines for either kind of view. */
export function describe(id: string, view: RemoteBatchView | RemoteRequestView): string {
  return isBatchId(id) ? describeBatch(view as RemoteBatchView) : describeRequest(view as RemoteRequestView);
}
