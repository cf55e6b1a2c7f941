import { isAsciiPiece, MAX_ASCII_PIECE, MAX_WIDE_PIECE, pieceId, pieceText } from './piece-ids.js';
import type { SpecialToken } from './special-tokens.js';

/**
 * Fast approximate tokenizer. Special tokens are single tokens with their real Qwen3 ids; other
 * text follows Qwen2's pre-tokenizer pattern (digits one by one, words with a leading space),
 * and long words are cut into chunks (6 ASCII characters, or 2 code points of other text) to approximate
 * BPE merges. Ordinary pieces get ids computed from their text (piece-ids.ts), the same on every instance.
 */
const PRETOKEN =
  /(?:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu;

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
  /** One shared token object per piece, so cached token lists cost a pointer per token. */
  private readonly pieces = new Map<string, SimToken>();
  private readonly specialTokens: Map<string, SimToken>;
  /** Length (UTF-16 units) of the longest special token's text. */
  readonly maxSpecialLength: number;

  constructor(specials: readonly SpecialToken[]) {
    this.specials = new Map(specials.map((s) => [s.text, s]));
    this.specialsById = new Map(specials.map((s) => [s.id, s]));
    this.specialTokens = new Map(specials.map((s) => [s.text, { text: s.text, id: s.id, special: s }]));
    this.maxSpecialLength = Math.max(0, ...specials.map((s) => s.text.length));
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
    const text = pieceText(id);
    return text === undefined ? undefined : this.pieceToken(text);
  }

  private encodeOrdinary(text: string, out: SimToken[]): void {
    for (const match of text.matchAll(PRETOKEN)) {
      const pre = match[0];
      if (isAsciiPiece(pre)) {
        for (let i = 0; i < pre.length; i += MAX_ASCII_PIECE)
          out.push(this.pieceToken(pre.slice(i, i + MAX_ASCII_PIECE)));
        continue;
      }
      const points = [...pre];
      for (let i = 0; i < points.length; i += MAX_WIDE_PIECE) {
        out.push(this.pieceToken(points.slice(i, i + MAX_WIDE_PIECE).join('')));
      }
    }
  }

  private pieceToken(piece: string): SimToken {
    const known = this.pieces.get(piece);
    if (known) return known;
    const token: SimToken = { text: piece, id: pieceId(piece), special: undefined };
    this.pieces.set(piece, token);
    return token;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
