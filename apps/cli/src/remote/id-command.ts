import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes.js';
import type { RemoteApi } from './remote-api.js';
import { exitCodeOf, remoteApiOf, reportFailure, withRemoteOptions, type RemoteOptions } from './remote-options.js';
import type { RemoteRequestView } from './result-line.js';
import type { RemoteRolloutView } from './rollout-run.js';
import {
  describeBatch,
  describeRequest,
  describeRollout,
  isBatchId,
  isRolloutId,
  type RemoteBatchView,
} from './remote-views.js';

/** What the API answers about a batch, a rollout job or a request. */
export type RemoteView = RemoteBatchView | RemoteRolloutView | RemoteRequestView;

/** Does the command's work against the API; returns the exit code. */
type IdAction<O extends RemoteOptions> = (api: RemoteApi, id: string, options: O) => Promise<number>;

/**
 * Adds a command that takes a batch or request id and talks to the API (`--api-url`, `--api-key`,
 * `--json`). Its failures become the documented messages and exit codes; a 404 is a failed check (1).
 */
export function idCommand<O extends RemoteOptions>(
  program: Command,
  name: string,
  description: string,
  action: IdAction<O>,
): Command {
  const command = program
    .command(name)
    .description(description)
    .argument('<id>', 'a batch id (batch_…), a rollout job id (rollout_…) or a request id');
  withRemoteOptions(command).action(async (id: string, options: O) => {
    try {
      process.exitCode = await action(remoteApiOf(options), id, options);
    } catch (error) {
      process.exitCode = reportFailure(name, error, options.json, exitCodeOf(error, true));
    }
  });
  return command;
}

/** Prints a batch, rollout job or request view: the API's object with `--json`, a few lines otherwise. */
export function printView(id: string, view: RemoteView, json: boolean): number {
  const text = json
    ? JSON.stringify(view)
    : isBatchId(id)
      ? describeBatch(view as RemoteBatchView)
      : isRolloutId(id)
        ? describeRollout(view as RemoteRolloutView)
        : describeRequest(view as RemoteRequestView);
  process.stdout.write(`${text}\n`);
  return EXIT_OK;
}
