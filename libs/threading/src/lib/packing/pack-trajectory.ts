import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { extractUnitSources, type UnitTags } from './extract-units.js';
import { flattenMarks, flattenTrie } from './flatten-trie.js';
import { encodeGenerated, type GeneratedRange } from './generated-ranges.js';
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
  /**
   * The ranges of `response` the model generated (its engine calls' completions, EOS included), for RL
   * rows. When given, the response is encoded range by range and the loss covers exactly those tokens,
   * each once, in the context it was generated in: text the orchestrator inserted (thread headers, join
   * suffixes, forced closures) and thread 2..n tokens standing in a join get none. Without it every
   * assistant token is trained, as in SFT (spec §5.5).
   */
  readonly generated?: readonly GeneratedRange[];
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
 * instead of a dense mask, and shifted labels with a loss mask on the assistant turn (or on the
 * generated ranges). Throws UnknownSpecialTokenError only when the encoder lacks the dialect's tags.
 */
export function packTrajectory(input: PackInput, options: PackOptions): PackResult {
  const tags = unitTags(options.encoder, options.dialect ?? THREADWEAVER_DIALECT);
  const promptIds = options.encoder.encode(input.prompt);
  const response =
    input.generated === undefined
      ? { ok: true as const, ids: options.encoder.encode(input.response), generated: undefined }
      : encodeGenerated(options.encoder, input.response, input.generated);
  if (!response.ok) return response;
  const tokens = [...promptIds, ...response.ids];
  const units = extractUnitSources(tokens, tags);
  if (!units.ok) return units;
  const trie = new PrefixTrie();
  const generated = response.generated;
  for (const { positions, joined } of units.units) {
    const ids = positions.map((position) => tokens[position] ?? -1);
    const trainable =
      generated === undefined
        ? undefined
        : positions.map((position, index) => (joined[index] === 1 ? 0 : (generated[position - promptIds.length] ?? 0)));
    trie.insert(ids, trainable);
  }
  const flat = flattenTrie(trie);
  const trainable = generated === undefined ? undefined : flattenMarks(trie);
  const labels = packLabels(flat, promptIds.length, options.labels ?? 'own-unit', trainable);
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
