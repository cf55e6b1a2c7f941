import type { Dialect } from '@threadloom/threading';

/** Qwen3 chat-template tokens with their real ids (Qwen3 tokenizer.json). */
const QWEN3_CHAT_TOKENS: Readonly<Record<string, number>> = {
  '<|endoftext|>': 151643,
  '<|im_start|>': 151644,
  '<|im_end|>': 151645,
  '<think>': 151667,
  '</think>': 151668,
};
/** First id the ThreadWeaver SFT code gives its added tags (appended after Qwen3's 151669 entries). */
const FIRST_ADDED_ID = 151669;
/** Qwen3 marks `<think>`/`</think>` as non-special, so `skip_special_tokens` keeps them. */
const NON_SKIPPED = new Set(['<think>', '</think>']);

/** One token the simulator always keeps whole, with its id and whether `skip_special_tokens` drops it. */
export interface SpecialToken {
  readonly text: string;
  readonly id: number;
  readonly skippable: boolean;
}

/** The special-token table for a dialect on the Qwen3 vocabulary. */
export function specialTokensFor(dialect: Dialect): readonly SpecialToken[] {
  const out: SpecialToken[] = [];
  for (const [text, id] of Object.entries(QWEN3_CHAT_TOKENS)) out.push({ text, id, skippable: !NON_SKIPPED.has(text) });
  let next = FIRST_ADDED_ID;
  for (const text of dialect.specialTokens) {
    if (text in QWEN3_CHAT_TOKENS) continue;
    out.push({ text, id: next++, skippable: !NON_SKIPPED.has(text) });
  }
  return out;
}
