/** Index of the virtual root; real nodes start at 1. */
const ROOT = 0;
const NONE = -1;

/**
 * How marks of sequences sharing a node combine: `every` (the default) keeps a mark only if every
 * sequence through the node marked it, `any` if at least one did.
 */
export type MarkRule = 'every' | 'any';

/**
 * A token-level prefix tree whose children keep first-insertion order (spec §5.2). Nodes live in
 * parallel arrays with first-child / next-sibling links, so memory is linear in the node count.
 * A node can carry a mark (used for "trained here"), combined across sequences by the {@link MarkRule}.
 */
export class PrefixTrie {
  private readonly tokens: number[] = [NONE];
  private readonly firstChild: number[] = [NONE];
  private readonly lastChild: number[] = [NONE];
  private readonly nextSibling: number[] = [NONE];
  private readonly marks: number[] = [0];

  private readonly markRule: MarkRule;

  constructor(markRule: MarkRule = 'every') {
    this.markRule = markRule;
  }

  /** Nodes other than the root. */
  get size(): number {
    return this.tokens.length - 1;
  }

  /** Adds one sequence, sharing the longest existing prefix; `marks[i]` marks the node of token i. */
  insert(sequence: readonly number[], marks?: ArrayLike<number>): void {
    let node = ROOT;
    sequence.forEach((token, index) => {
      const mark = marks === undefined ? 0 : (marks[index] ?? 0) === 0 ? 0 : 1;
      const existing = this.childWith(node, token);
      node = existing ?? this.addChild(node, token, mark);
      if (existing !== undefined) this.marks[node] = this.combine(this.marks[node] ?? 0, mark);
    });
  }

  /** Whether every sequence inserted through `node` marked it. */
  isMarked(node: number): boolean {
    return this.marks[node] === 1;
  }

  /** True when `sequence` is a path that starts at the root. */
  hasPath(sequence: readonly number[]): boolean {
    let node: number | undefined = ROOT;
    for (const token of sequence) {
      node = this.childWith(node, token);
      if (node === undefined) return false;
    }
    return true;
  }

  /** Visits the real nodes depth first in insertion order: `(node, parent, token)`, parent ROOT for the top. */
  walk(visit: (node: number, parent: number, token: number) => void): void {
    const stack: number[] = [];
    const parents: number[] = [];
    this.pushChildren(ROOT, stack, parents);
    while (stack.length > 0) {
      const node = stack.pop() ?? ROOT;
      visit(node, parents.pop() ?? ROOT, this.tokens[node] ?? NONE);
      this.pushChildren(node, stack, parents);
    }
  }

  private pushChildren(node: number, stack: number[], parents: number[]): void {
    const children: number[] = [];
    for (let child = this.firstChild[node] ?? NONE; child !== NONE; child = this.nextSibling[child] ?? NONE) {
      children.push(child);
    }
    // Reversed so the first-inserted child is popped first.
    for (let index = children.length - 1; index >= 0; index -= 1) {
      stack.push(children[index] ?? ROOT);
      parents.push(node);
    }
  }

  private combine(held: number, mark: number): number {
    return this.markRule === 'every' ? held & mark : held | mark;
  }

  private childWith(node: number, token: number): number | undefined {
    for (let child = this.firstChild[node] ?? NONE; child !== NONE; child = this.nextSibling[child] ?? NONE) {
      if (this.tokens[child] === token) return child;
    }
    return undefined;
  }

  private addChild(node: number, token: number, mark: number): number {
    const child = this.tokens.length;
    this.tokens.push(token);
    this.marks.push(mark);
    this.firstChild.push(NONE);
    this.lastChild.push(NONE);
    this.nextSibling.push(NONE);
    const last = this.lastChild[node] ?? NONE;
    if (last === NONE) this.firstChild[node] = child;
    else this.nextSibling[last] = child;
    this.lastChild[node] = child;
    return child;
  }
}

/** The parent value of a node whose trie parent is the root. */
export const TRIE_ROOT = ROOT;
