import type { Command } from 'commander';
import { idCommand, printView, type RemoteView } from '../remote/id-command.js';
import { isJobId, pathOf } from '../remote/remote-views.js';

/** `threadloom cancel ID`: cancels a batch's or rollout job's unfinished requests, or one request. */
export function registerCancelCommand(program: Command): void {
  idCommand(
    program,
    'cancel',
    'Cancel every unfinished request of a batch or rollout job (its groups then score the members that completed), or one request; finished ones are kept.',
    async (api, id, options) => {
      const view = isJobId(id)
        ? await api.json<RemoteView>('POST', `${pathOf(id)}/cancel`)
        : await api.json<RemoteView>('DELETE', pathOf(id));
      return printView(id, view, options.json);
    },
  );
}
