import type { Command } from 'commander';
import { idCommand, printView, type RemoteView } from '../remote/id-command.js';
import { pathOf } from '../remote/remote-views.js';

/** `threadloom status ID`: where a batch, a rollout job or a request stands. */
export function registerStatusCommand(program: Command): void {
  idCommand(
    program,
    'status',
    'Show a batch (counts, accuracy, mean token speedup), a rollout job (groups scored, accuracy, mean reward) or a request (status, answer, tokens).',
    async (api, id, options) => printView(id, await api.json<RemoteView>('GET', pathOf(id)), options.json),
  );
}
