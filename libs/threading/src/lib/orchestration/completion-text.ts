import type { Dialect } from '../dialect/index.js';
import type { CompletionResult } from './engine.js';

/** An engine completion as the trajectory keeps it. */
export interface KeptCompletion {
  /** The text to append: cut at any EOS string, with a stripped stop string restored. */
  readonly text: string;
  /** The completion ended on end-of-sequence (reported, or an EOS string in the text). */
  readonly eos: boolean;
  /** The completion ended on `expectedStop`, which `text` now ends with. */
  readonly stopped: boolean;
}

/**
 * Normalizes one completion against the stop string its request expected. Text never keeps EOS
 * (spec §2.3 truncates a thread at EOS); an engine that stripped the matched stop string gets it back
 * (spec §2.9), so every runtime appends the same bytes.
 */
export function keepCompletion(
  result: CompletionResult,
  expectedStop: string | null,
  dialect: Dialect,
): KeptCompletion {
  const eosAt = result.text.indexOf(dialect.endOfSequence);
  if (eosAt >= 0) return { text: result.text.slice(0, eosAt), eos: true, stopped: false };
  if (result.finishReason === 'length') return { text: result.text, eos: false, stopped: false };
  if (result.stopReason === null || result.stopReason === dialect.endOfSequence) {
    return { text: result.text, eos: true, stopped: false };
  }
  if (expectedStop !== null && result.stopReason === expectedStop) {
    const text = result.text.endsWith(expectedStop) ? result.text : result.text + expectedStop;
    return { text, eos: false, stopped: true };
  }
  return { text: result.text, eos: false, stopped: false };
}
