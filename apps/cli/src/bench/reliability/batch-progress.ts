import { setTimeout as sleep } from 'node:timers/promises';
import { isTerminalStatus } from '@threadloom/contracts';
import type { FaultStack } from './fault-stack.js';

const POLL_MS = 250;
/** Requests read per round of concurrent GETs (keeps the probe's load on the API bounded). */
const READ_CHUNK = 16;

/** Waits until at least `target` of the submitted requests are terminal (or `signal` aborts); returns how many are. */
export async function waitForProgress(
  stack: FaultStack,
  submitted: readonly { readonly id: string }[],
  target: number,
  signal: AbortSignal,
): Promise<number> {
  for (;;) {
    const terminal = await countTerminal(stack, submitted);
    if (terminal >= target || signal.aborted) return terminal;
    await sleep(POLL_MS, undefined, { signal }).catch(() => undefined);
  }
}

async function countTerminal(stack: FaultStack, submitted: readonly { readonly id: string }[]): Promise<number> {
  let terminal = 0;
  for (let start = 0; start < submitted.length; start += READ_CHUNK) {
    const views = await Promise.all(submitted.slice(start, start + READ_CHUNK).map(({ id }) => stack.api.get(id)));
    terminal += views.filter((view) => isTerminalStatus(view?.status ?? 'queued')).length;
  }
  return terminal;
}
