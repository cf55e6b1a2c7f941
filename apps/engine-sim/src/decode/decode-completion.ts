import type { SimToken, SimTokenizer } from '../text/sim-tokenizer.js';
import type { DecodedCompletion, DecodeOptions, FinishReason } from './decode-options.js';

interface WalkState {
  visible: string;
  readonly ends: number[];
  readonly ids: number[];
  lastSpecial: boolean;
}

/**
 * Decodes the continuation token by token as vLLM's engine and detokenizer would: EOS first
 * (the end of the token list is an implied EOS), then stop token ids, then stop strings on the
 * detokenized text, then `max_tokens`.
 */
export function decodeCompletion(
  tokens: readonly SimToken[],
  eos: string,
  options: DecodeOptions,
  tokenizer: SimTokenizer,
): DecodedCompletion {
  const eosToken = tokenizer.special(eos);
  const stopIds = new Set(options.stopTokenIds);
  const state: WalkState = { visible: '', ends: [], ids: [], lastSpecial: false };
  for (let i = 0; i < options.maxTokens; i++) {
    const token = tokens[i] ?? { text: eos, id: eosToken?.id ?? -1, special: eosToken };
    const isEos = token.text === eos;
    const isStopId = !isEos && stopIds.has(token.id);
    const shown = isEos || isStopId ? options.includeStopStrInOutput : true;
    state.ids.push(token.id);
    if (shown) appendToken(state, token, options);
    const matched = matchStop(state, options);
    if (matched) return finish(state, 'stop', matched.reason, matched.textEnd);
    state.ends.push(state.visible.length);
    if (isEos) return finish(state, 'stop', null);
    if (isStopId) return finish(state, 'stop', token.id);
  }
  return finish(state, 'length', null);
}

function appendToken(state: WalkState, token: SimToken, options: DecodeOptions): void {
  if (token.special) {
    if (options.skipSpecialTokens && token.special.skippable) return;
    if (options.spacesBetweenSpecialTokens && state.lastSpecial) state.visible += ' ';
    state.lastSpecial = true;
  } else {
    state.lastSpecial = false;
  }
  state.visible += token.text;
}

function matchStop(state: WalkState, options: DecodeOptions): { reason: string; textEnd: number } | undefined {
  const previous = state.ends.at(-1) ?? 0;
  let best: { reason: string; at: number } | undefined;
  for (const stop of options.stop) {
    if (stop === '') continue;
    const at = state.visible.indexOf(stop, Math.max(0, previous - stop.length + 1));
    if (at >= 0 && (!best || at < best.at)) best = { reason: stop, at };
  }
  if (!best) return undefined;
  return { reason: best.reason, textEnd: options.includeStopStrInOutput ? best.at + best.reason.length : best.at };
}

function finish(
  state: WalkState,
  finishReason: FinishReason,
  stopReason: string | number | null,
  textEnd?: number,
): DecodedCompletion {
  const text = textEnd === undefined ? state.visible : state.visible.slice(0, textEnd);
  if (textEnd !== undefined) state.ends.push(text.length);
  const deltas: string[] = [];
  let from = 0;
  for (const end of state.ends) {
    const to = Math.min(end, text.length);
    deltas.push(text.slice(from, to));
    from = Math.max(from, to);
  }
  return { text, deltas, tokenIds: state.ids, finishReason, stopReason };
}
