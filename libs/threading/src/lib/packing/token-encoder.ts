/**
 * Turns text into token ids. Dialect tags and the chat template's special tokens are one id each,
 * as the training tokenizer has them (spec §1.1); everything else is the tokenizer's own encoding.
 */
export interface TokenEncoder {
  readonly name: string;
  /** Token ids of `text`, special strings as single ids. */
  encode(text: string): number[];
  /** The id of a special string (dialect tag or chat token), or undefined when it is not one. */
  specialId(special: string): number | undefined;
}

/** Special tokens of the Qwen3 chat template that a packed training row contains. */
export const CHAT_SPECIAL_TOKENS = ['<|im_start|>', '<|im_end|>', '<|endoftext|>'] as const;
