import type { Command } from 'commander';
import { idCommand, printView } from '../remote/id-command.js';
import type { RemoteRequestView } from '../remote/result-line.js';
import { isBatchId, pathOf, type RemoteBatchView } from '../remote/remote-views.js';

/** `threadloom cancel ID`: cancels a batch's unfinished requests, or one request. */
export function registerCancelCommand(program: Command): void {
  idCommand(
    program,
    'cancel',
    'Cancel every unfinished request of a batch, or one request; finished ones are kept.',
    async (api, id, options) => {
      const view = isBatchId(id)
        ? await api.json<RemoteBatchView>('POST', `${pathOf(id)}/cancel`)
        : await api.json<RemoteRequestView>('DELETE', pathOf(id));
      return printView(id, view, options.json);
    },
  );
}
