import { TRIE_ROOT, type PrefixTrie } from './prefix-trie.js';

/** A trie laid out in depth-first order: arrays of one entry per node. */
export interface FlatTrie {
  readonly inputIds: Int32Array;
  /** Depth in the trie, the first token at 0: sibling threads restart at their fork point (spec §5.3). */
  readonly positionIds: Int32Array;
  /** Flattened index of the parent node, −1 for the first token. */
  readonly parent: Int32Array;
  /** DFS entry time (equals the index) and exit time: i sees j iff tin[j] ≤ tin[i] ≤ tout[j] (spec §5.4). */
  readonly tin: Int32Array;
  readonly tout: Int32Array;
}

/** Flattens a trie depth first in insertion order: the first inserted sequence comes out whole, first. */
export function flattenTrie(trie: PrefixTrie): FlatTrie {
  const length = trie.size;
  const flat = {
    inputIds: new Int32Array(length),
    positionIds: new Int32Array(length),
    parent: new Int32Array(length),
    tin: new Int32Array(length),
    tout: new Int32Array(length),
  };
  const indexOfNode = new Int32Array(length + 1).fill(-1);
  let next = 0;
  trie.walk((node, parentNode, token) => {
    const index = next++;
    const parent = parentNode === TRIE_ROOT ? -1 : (indexOfNode[parentNode] ?? -1);
    indexOfNode[node] = index;
    flat.inputIds[index] = token;
    flat.parent[index] = parent;
    flat.positionIds[index] = parent < 0 ? 0 : (flat.positionIds[parent] ?? 0) + 1;
    flat.tin[index] = index;
  });
  fillExitTimes(flat.parent, flat.tout);
  return flat;
}

/** In preorder a subtree is a contiguous run, so exit time = the largest index of any descendant. */
function fillExitTimes(parent: Int32Array, tout: Int32Array): void {
  for (let index = 0; index < parent.length; index += 1) tout[index] = index;
  for (let index = parent.length - 1; index >= 0; index -= 1) {
    const up = parent[index] ?? -1;
    if (up >= 0) tout[up] = Math.max(tout[up] ?? 0, tout[index] ?? 0);
  }
}

/** The trie's node marks in flattened order (the order of {@link flattenTrie}), 1 where marked. */
export function flattenMarks(trie: PrefixTrie): Uint8Array {
  const marks = new Uint8Array(trie.size);
  let next = 0;
  trie.walk((node) => {
    marks[next++] = trie.isMarked(node) ? 1 : 0;
  });
  return marks;
}
