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
import { isBatchId, pathOf, type RemoteBatchView } from '../remote/remote-views.js';
import { describe } from './status.command.js';

/** `threadloom cancel ID`: cancels a batch's unfinished requests, or one request. */
export function registerCancelCommand(program: Command): void {
  const command = program
    .command('cancel')
    .description('Cancel every unfinished request of a batch, or one request; finished ones are kept.')
    .argument('<id>', 'a batch id (batch_…) or a request id');
  withRemoteOptions(command).action(async (id: string, options: RemoteOptions) => {
    process.exitCode = await cancel(id, options);
  });
}

async function cancel(id: string, options: RemoteOptions): Promise<number> {
  try {
    const api = remoteApiOf(options);
    const view = isBatchId(id)
      ? await api.json<RemoteBatchView>('POST', `${pathOf(id)}/cancel`)
      : await api.json<RemoteRequestView>('DELETE', pathOf(id));
    process.stdout.write(`${options.json ? JSON.stringify(view) : describe(id, view)}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportFailure('cancel', error, options.json, exitCodeOf(error, true));
  }
}
