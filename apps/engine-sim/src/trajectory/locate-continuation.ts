import type { Dialect } from '@threadloom/threading';
import type { IndexedBlock } from './trajectory-index.js';

/** How the assistant text so far was matched against the trajectory. */
type LocateMode = 'prefix' | 'thread' | 'join';

/** Where the model continues in the trajectory, or why it cannot. */
type Location =
  | { readonly ok: true; readonly offset: number; readonly mode: LocateMode }
  | { readonly ok: false; readonly threadHeader: boolean };

/**
 * Finds the offset in `trajectory` from which the model continues after `assistant`:
 * a plain prefix (sequential steps, thread 1, a join identical to the recording); a thread header
 * N ≥ 2 after the fork point (its context is the pre-fork text + header, not a trajectory prefix);
 * or a join whose thread texts differ from the recording (forced closes), matched by block.
 */
export function locateContinuation(
  trajectory: string,
  blocks: readonly IndexedBlock[],
  assistant: string,
  dialect: Dialect,
): Location {
  if (trajectory.startsWith(assistant)) return { ok: true, offset: assistant.length, mode: 'prefix' };
  const header = trailingThreadHeader(assistant, dialect);
  if (header) {
    const block = blocks[countOccurrences(header.before, dialect.sequentialStop) - 1];
    const thread = block?.threads.find((t) => t.number === header.number);
    return thread ? { ok: true, offset: thread.bodyStart, mode: 'thread' } : { ok: false, threadHeader: true };
  }
  if (assistant.endsWith(dialect.threadStop + dialect.joinSuffix)) {
    const block = blocks[countOccurrences(assistant, dialect.sequentialStop) - 1];
    if (block && block.threadsEnd > block.planEnd) {
      const suffixed = trajectory.startsWith(dialect.joinSuffix, block.threadsEnd);
      return { ok: true, offset: block.threadsEnd + (suffixed ? dialect.joinSuffix.length : 0), mode: 'join' };
    }
  }
  return { ok: false, threadHeader: false };
}

/** Splits `…{before}\n<Thread>\nN:` into the text before the header and N. */
function trailingThreadHeader(text: string, dialect: Dialect): { before: string; number: string } | undefined {
  const [prefix = '', suffix = ''] = dialect.firstThreadHeader.split('{n}');
  if (!text.endsWith(suffix)) return undefined;
  const at = text.lastIndexOf(prefix);
  if (at < 0) return undefined;
  const number = text.slice(at + prefix.length, text.length - suffix.length);
  return /^[0-9]+(?:\.[0-9]+)*$/.test(number) ? { before: text.slice(0, at), number } : undefined;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
