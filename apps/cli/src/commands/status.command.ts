import type { Command } from 'commander';
import { idCommand, printView } from '../remote/id-command.js';
import type { RemoteRequestView } from '../remote/result-line.js';
import { pathOf, type RemoteBatchView } from '../remote/remote-views.js';

/** `threadloom status ID`: where a batch or a request stands. */
export function registerStatusCommand(program: Command): void {
  idCommand(
    program,
    'status',
    'Show a batch (counts, accuracy, mean token speedup) or a request (status, answer, tokens).',
    async (api, id, options) =>
      printView(id, await api.json<RemoteBatchView | RemoteRequestView>('GET', pathOf(id)), options.json),
  );
}
