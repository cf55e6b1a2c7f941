import type { SimToken, SimTokenizer } from './sim-tokenizer.js';

/** A text tokenized once, with each token's start offset, so any suffix is served without re-tokenizing. */
export class TokenizedText {
  private readonly tokens: readonly SimToken[];
  private readonly starts: readonly number[];

  constructor(
    readonly text: string,
    private readonly tokenizer: SimTokenizer,
  ) {
    this.tokens = tokenizer.encode(text);
    const starts: number[] = [];
    let at = 0;
    for (const t of this.tokens) {
      starts.push(at);
      at += t.text.length;
    }
    this.starts = starts;
  }

  /**
   * Up to `limit` tokens of the text from `offset`. When `offset` falls inside a token, the rest of
   * that token is tokenized on its own, so the concatenated token texts always equal the suffix exactly.
   */
  tokensFrom(offset: number, limit: number): SimToken[] {
    let index = this.firstTokenAtOrAfter(offset);
    const out: SimToken[] = [];
    const previousStart = index > 0 ? (this.starts[index - 1] as number) : 0;
    const previous = this.tokens[index - 1];
    if (previous && previousStart < offset && previousStart + previous.text.length > offset) {
      out.push(...this.tokenizer.encode(previous.text.slice(offset - previousStart)));
    }
    for (; out.length < limit && index < this.tokens.length; index++) out.push(this.tokens[index] as SimToken);
    return out.slice(0, limit);
  }

  private firstTokenAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
