import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { extractUnits, type UnitTags } from './extract-units.js';
import { flattenTrie } from './flatten-trie.js';
import { packLabels, type LabelMode } from './pack-labels.js';
import type { PackedSequence } from './packed-sequence.js';
import type { PackingIssue } from './packing-issue.js';
import { PrefixTrie } from './prefix-trie.js';
import type { TokenEncoder } from './token-encoder.js';
import { UnknownSpecialTokenError } from './unknown-special-token.error.js';

/** What to pack: the rendered chat prompt (may be empty) and the assistant response after it. */
export interface PackInput {
  readonly prompt: string;
  readonly response: string;
}

/** Options of {@link packTrajectory}. */
export interface PackOptions {
  readonly encoder: TokenEncoder;
  /** @defaultValue THREADWEAVER_DIALECT */
  readonly dialect?: Dialect;
  /** @defaultValue 'own-unit' */
  readonly labels?: LabelMode;
}

/** A packed trajectory, or why it cannot be packed. */
export type PackResult =
  | { readonly ok: true; readonly value: PackedSequence }
  | { readonly ok: false; readonly issues: readonly PackingIssue[] };

/**
 * Packs one trajectory into a prefix-tree training row (spec §5): units, a token trie with
 * first-insertion child order, depth-first flattening, depth positions, (tin, tout) intervals
 * instead of a dense mask, and shifted labels with a loss mask on the assistant turn. Throws
 * UnknownSpecialTokenError only when the encoder lacks the dialect's tags (a wiring mistake).
 */
export function packTrajectory(input: PackInput, options: PackOptions): PackResult {
  const tags = unitTags(options.encoder, options.dialect ?? THREADWEAVER_DIALECT);
  const promptIds = options.encoder.encode(input.prompt);
  const units = extractUnits([...promptIds, ...options.encoder.encode(input.response)], tags);
  if (!units.ok) return units;
  const trie = new PrefixTrie();
  for (const unit of units.units) trie.insert(unit);
  const flat = flattenTrie(trie);
  const labels = packLabels(flat, promptIds.length, options.labels ?? 'own-unit');
  return { ok: true, value: { ...flat, ...labels, units: units.units.length, promptTokens: promptIds.length } };
}

function unitTags(encoder: TokenEncoder, dialect: Dialect): UnitTags {
  const id = (special: string): number => {
    const value = encoder.specialId(special);
    if (value === undefined) throw new UnknownSpecialTokenError(encoder.name, special);
    return value;
  };
  const { block, branch } = dialect.tags;
  return {
    blockOpen: id(block.open),
    blockClose: id(block.close),
    branchOpen: id(branch.open),
    branchClose: id(branch.close),
  };
}
