import { describe, expect, it } from 'vitest';
import { SYMBOLIC_NODES, SYMBOLIC_UNITS } from './fixtures/symbolic-trie.fixture.js';
import { extractUnits } from './extract-units.js';
import { IGNORE_LABEL } from './pack-labels.js';
import { packTrajectory } from './pack-trajectory.js';
import type { TokenEncoder } from './token-encoder.js';

/** One id per whitespace-separated symbol, in order of first sight; tags by their symbol. */
function symbolicEncoder(): TokenEncoder & { symbol(id: number): string } {
  const ids = new Map<string, number>();
  const symbols: string[] = [];
  const idOf = (symbol: string): number => {
    let id = ids.get(symbol);
    if (id === undefined) {
      id = symbols.push(symbol) - 1;
      ids.set(symbol, id);
    }
    return id;
  };
  return {
    name: 'symbolic',
    encode: (text) => (text.trim() === '' ? [] : text.trim().split(/\s+/).map(idOf)),
    specialId: (special) => idOf(special),
    symbol: (id) => symbols[id] ?? '?',
  };
}

const unitSymbols = SYMBOLIC_UNITS.map((line) => line.split(' ').slice(1));
const fullTrajectory = unitSymbols[0] ?? [];
const expectedNodes = SYMBOLIC_NODES.trim()
  .split('\n')
  .map((line) => {
    const [index, symbol, , position, , parent] = line.split(' ');
    return { index: Number(index), symbol, position: Number(position), parent: Number(parent) };
  });

function packSymbolic(labels: 'own-unit' | 'reference' = 'own-unit') {
  const encoder = symbolicEncoder();
  const result = packTrajectory({ prompt: 'U', response: fullTrajectory.slice(1).join(' ') }, { encoder, labels });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { encoder, packed: result.value };
}

describe('packTrajectory on the symbolic reference vector', () => {
  it('extracts the five units in the reference order', () => {
    const encoder = symbolicEncoder();
    const tags = {
      blockOpen: encoder.specialId('<Parallel>') ?? -1,
      blockClose: encoder.specialId('</Parallel>') ?? -1,
      branchOpen: encoder.specialId('<Thread>') ?? -1,
      branchClose: encoder.specialId('</Thread>') ?? -1,
    };
    const result = extractUnits(encoder.encode(fullTrajectory.join(' ')), tags);
    if (!result.ok) throw new Error('not ok');
    expect(result.units.map((unit) => unit.map((id) => encoder.symbol(id)))).toEqual(unitSymbols);
  });

  it('flattens to the reference order, positions and parents, node by node', () => {
    const { encoder, packed } = packSymbolic();
    const actual = Array.from(packed.inputIds, (id, index) => ({
      index,
      symbol: encoder.symbol(id),
      position: packed.positionIds[index],
      parent: packed.parent[index],
    }));
    expect(actual).toEqual(expectedNodes);
    expect(packed.units).toBe(5);
    expect(packed.promptTokens).toBe(1);
  });

  it('gives every node the DFS interval of its subtree', () => {
    const { packed } = packSymbolic();
    expect(Array.from(packed.tin)).toEqual(expectedNodes.map((node) => node.index));
    // The thread-2 copy of block 2 (49..52) hangs under node 34, block 1's copy (53..57) under node 11.
    expect([packed.tout[34], packed.tout[11], packed.tout[0], packed.tout[48], packed.tout[49]]).toEqual([
      52, 57, 57, 48, 52,
    ]);
  });

  it('targets the next token of the own unit and masks the end of each copy and the prompt', () => {
    const { encoder, packed } = packSymbolic('own-unit');
    const label = (index: number): string => {
      const id = packed.labels[index] ?? IGNORE_LABEL;
      return id === IGNORE_LABEL ? 'masked' : encoder.symbol(id);
    };
    // Node 0 is the prompt: its target (<Think>) is the first assistant token, so it is trained.
    expect([label(0), label(11), label(34), label(47), label(48), label(52), label(57)]).toEqual([
      '<Think>',
      '1',
      '1',
      'END',
      'masked',
      'masked',
      'masked',
    ]);
    expect(Array.from(packed.lossMask, (value, index) => (value === 1) === (label(index) !== 'masked'))).not.toContain(
      false,
    );
  });

  it('reproduces the reference label shift on request: the end of a copy predicts the next copy', () => {
    const { encoder, packed } = packSymbolic('reference');
    expect(encoder.symbol(packed.labels[48] ?? -1)).toBe('2');
    expect(encoder.symbol(packed.labels[52] ?? -1)).toBe('2');
    expect(packed.labels[57]).toBe(IGNORE_LABEL);
  });

  it('reports an unclosed block and an unclosed thread instead of throwing', () => {
    const encoder = symbolicEncoder();
    const block = packTrajectory({ prompt: 'U', response: 'a <Parallel> \\n <Thread> x </Thread>' }, { encoder });
    const thread = packTrajectory({ prompt: 'U', response: 'a <Parallel> <Thread> x </Parallel>' }, { encoder });
    expect(block.ok ? [] : block.issues.map((issue) => [issue.code, issue.tokenIndex])).toEqual([
      ['unclosed_block', 2],
    ]);
    expect(thread.ok ? [] : thread.issues.map((issue) => [issue.code, issue.tokenIndex])).toEqual([
      ['unclosed_thread', 3],
    ]);
  });

  it('packs a trajectory without blocks as one plain unit', () => {
    const packed = packTrajectory({ prompt: 'U', response: 'a b c' }, { encoder: symbolicEncoder() });
    expect(packed.ok && [packed.value.units, Array.from(packed.value.positionIds)]).toEqual([1, [0, 1, 2, 3]]);
  });
});
