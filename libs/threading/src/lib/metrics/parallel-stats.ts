/** Per-block counts of the single-pass token walk. */
interface BlockCount {
  /** Block tokens outside any thread, including the two wrapper tokens of every thread. */
  sequential: number;
  readonly threads: number[];
}

/**
 * The state of `get_parallel_stats` (reference `math_rewardv2.py`), fed token counts in text order.
 * Kept separate from the tag scanning so the rules read like the spec.
 */
export class ParallelStats {
  nonBlock = 0;
  readonly blocks: BlockCount[] = [];
  sawBlockOpen = false;
  #block: BlockCount | null = null;
  #thread: number | null = null;

  /** `count` ordinary tokens (text between tags, or a tag with no role here). */
  text(count: number): void {
    if (this.#thread !== null) this.#thread += count;
    else if (this.#block) this.#block.sequential += count;
    else this.nonBlock += count;
  }

  blockOpen(): void {
    this.sawBlockOpen = true;
    // A nested block open counts literally: as thread content or as block-sequential.
    if (this.#block) return this.text(1);
    this.nonBlock += 1;
    this.#block = { sequential: 0, threads: [] };
  }

  blockClose(): void {
    // Inside a thread, or outside any block, the close tag is just one more token.
    if (this.#thread !== null || !this.#block) return this.text(1);
    this.blocks.push(this.#block);
    this.#block = null;
    this.nonBlock += 1;
  }

  threadOpen(): void {
    if (this.#thread !== null || !this.#block) return this.text(1);
    this.#block.sequential += 1;
    this.#thread = 0;
  }

  threadClose(): void {
    // A stray thread close in a block counts as block-sequential, outside a block as sequential.
    if (this.#thread === null || !this.#block) return this.text(1);
    this.#block.threads.push(this.#thread);
    this.#block.sequential += 1;
    this.#thread = null;
  }

  /** End of input: an unterminated thread or block is flushed (no block close is counted). */
  finish(): void {
    if (this.#block && this.#thread !== null) this.#block.threads.push(this.#thread);
    if (this.#block) this.blocks.push(this.#block);
    this.#thread = null;
    this.#block = null;
  }
}
