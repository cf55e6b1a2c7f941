import type { SpecialToken } from './special-tokens.js';

/**
 * Fast approximate tokenizer. Special tokens are single tokens with their real Qwen3 ids; other
 * text follows Qwen2's pre-tokenizer pattern (digits one by one, words with a leading space),
 * and long words are cut into chunks of `MAX_WORD_PIECE` characters to approximate BPE merges.
 * Ordinary pieces get ids from a per-instance table so `/detokenize` can invert `/tokenize`.
 */
const PRETOKEN =
  /(?:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu;
const MAX_WORD_PIECE = 6;

/** One decoded token: its text, id, and whether it is a special token. */
export interface SimToken {
  readonly text: string;
  readonly id: number;
  readonly special: SpecialToken | undefined;
}

/** Splits text into simulator tokens and maps ids back to text. */
export class SimTokenizer {
  readonly name = 'engine-sim-approx';
  private readonly specials: Map<string, SpecialToken>;
  private readonly specialsById: Map<number, SpecialToken>;
  private readonly splitter: RegExp;
  private readonly pieceIds = new Map<string, number>();
  /** One shared token object per id, so cached token lists cost a pointer per token. */
  private readonly pieces: SimToken[] = [];
  private readonly specialTokens: Map<string, SimToken>;

  constructor(specials: readonly SpecialToken[]) {
    this.specials = new Map(specials.map((s) => [s.text, s]));
    this.specialsById = new Map(specials.map((s) => [s.id, s]));
    this.specialTokens = new Map(specials.map((s) => [s.text, { text: s.text, id: s.id, special: s }]));
    const alternation = [...this.specials.keys()].map(escapeRegExp).join('|');
    this.splitter = new RegExp(`(${alternation})`);
  }

  /** Tokenizes text. */
  encode(text: string): SimToken[] {
    const out: SimToken[] = [];
    for (const part of text.split(this.splitter)) {
      if (part === '') continue;
      const special = this.specialTokens.get(part);
      if (special) out.push(special);
      else this.encodeOrdinary(part, out);
    }
    return out;
  }

  /** Number of tokens in text. */
  countTokens(text: string): number {
    return this.encode(text).length;
  }

  /** The special token with this exact text, if any. */
  special(text: string): SpecialToken | undefined {
    return this.specials.get(text);
  }

  /** Text of a token id, or undefined when the id was never issued. */
  decodeId(id: number): SimToken | undefined {
    const special = this.specialsById.get(id);
    if (special) return this.specialTokens.get(special.text);
    return this.pieces[id];
  }

  private encodeOrdinary(text: string, out: SimToken[]): void {
    for (const match of text.matchAll(PRETOKEN)) {
      const pre = match[0];
      for (let i = 0; i < pre.length; i += MAX_WORD_PIECE) {
        out.push(this.pieceToken(pre.slice(i, i + MAX_WORD_PIECE)));
      }
    }
  }

  private pieceToken(piece: string): SimToken {
    const id = this.pieceIds.get(piece);
    if (id !== undefined) return this.pieces[id] as SimToken;
    const token: SimToken = { text: piece, id: this.pieces.length, special: undefined };
    this.pieces.push(token);
    this.pieceIds.set(piece, token.id);
    return token;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
