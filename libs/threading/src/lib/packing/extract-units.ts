import type { PackingIssue } from './packing-issue.js';

/** Token ids of the tags that shape units: the block and the branch pair. */
export interface UnitTags {
  readonly blockOpen: number;
  readonly blockClose: number;
  readonly branchOpen: number;
  readonly branchClose: number;
}

/** The unit sequences of a trajectory, or why there are none. */
export type UnitsResult =
  | { readonly ok: true; readonly units: readonly (readonly number[])[] }
  | { readonly ok: false; readonly issues: readonly PackingIssue[] };

/** One unit as indexes into the encoded trajectory, with where each token sits in its generation history. */
export interface UnitSource {
  /** Index into the tokenized trajectory of every token of the unit. */
  readonly positions: readonly number[];
  /**
   * 1 where the token belongs to thread 2..n of a block and stands in a join: there it follows the threads
   * before it, which it never saw when it was generated (its own unit has the context it was generated in).
   */
  readonly joined: Uint8Array;
}

/** The unit sources of a trajectory, or why there are none. */
export type UnitSourcesResult =
  | { readonly ok: true; readonly units: readonly UnitSource[] }
  | { readonly ok: false; readonly issues: readonly PackingIssue[] };

/**
 * The training units of one tokenized trajectory, as spec §5.1: the whole trajectory first, then for
 * every block from the last to the first one prefix sequence per thread (`pre + <Parallel> + head +
 * thread_i`). Threads are joined without the whitespace between them, as the reference does.
 */
export function extractUnits(tokens: readonly number[], tags: UnitTags): UnitsResult {
  const sources = extractUnitSources(tokens, tags);
  if (!sources.ok) return sources;
  return { ok: true, units: sources.units.map((unit) => unit.positions.map((position) => tokens[position] ?? -1)) };
}

/** {@link extractUnits} as token indexes, marking thread 2..n tokens where they stand in a join. */
export function extractUnitSources(tokens: readonly number[], tags: UnitTags): UnitSourcesResult {
  try {
    const all = Array.from(tokens, (_, index) => index);
    const units = unitsOf(new Source(tokens, tags), all, 0).map(toUnitSource);
    const [first, ...rest] = units;
    if (first !== undefined && rest.some((unit) => unit.positions.length >= first.positions.length)) {
      return fail('units_not_nested', 'a thread unit is not shorter than the whole trajectory', 0);
    }
    return { ok: true, units };
  } catch (error) {
    if (error instanceof UnitError) return fail(error.issue.code, error.issue.message, error.issue.tokenIndex);
    throw error;
  }
}

/** Unwinds the recursion with the issue found; never escapes {@link extractUnitSources}. */
class UnitError extends Error {
  readonly issue: PackingIssue;
  constructor(issue: PackingIssue) {
    super(issue.message);
    this.name = 'UnitError';
    this.issue = issue;
  }
}

function fail(code: PackingIssue['code'], message: string, tokenIndex: number): UnitSourcesResult {
  return { ok: false, issues: [{ code, message, tokenIndex }] };
}

/**
 * Inside the recursion a unit entry is a token index, or `~index` (negative) for a thread 2..n token
 * standing in a join; {@link toUnitSource} splits the two apart.
 */
type Entry = number;

function toUnitSource(entries: readonly Entry[]): UnitSource {
  const joined = new Uint8Array(entries.length);
  const positions = entries.map((entry, index) => {
    if (entry >= 0) return entry;
    joined[index] = 1;
    return ~entry;
  });
  return { positions, joined };
}

/** The token ids and tags the recursion reads through entries. */
class Source {
  private readonly tokens: readonly number[];
  readonly tags: UnitTags;

  constructor(tokens: readonly number[], tags: UnitTags) {
    this.tokens = tokens;
    this.tags = tags;
  }

  id(entry: Entry): number {
    return this.tokens[entry < 0 ? ~entry : entry] ?? -1;
  }

  indexOf(entries: readonly Entry[], id: number, from = 0): number {
    for (let index = from; index < entries.length; index += 1) if (this.id(entries[index] ?? 0) === id) return index;
    return -1;
  }
}

function unitsOf(source: Source, entries: readonly Entry[], offset: number): Entry[][] {
  const { tags } = source;
  const open = source.indexOf(entries, tags.blockOpen);
  if (open < 0) return [[...entries]];
  const close = matchingClose(source, entries, open, [tags.blockOpen, tags.blockClose], offset, 'unclosed_block');
  const pre = entries.slice(0, open + 1);
  const { head, branches, tail } = splitBlock(source, entries.slice(open + 1, close), offset + open + 1);
  const inJoin = branches.flatMap((branch, index) => (index === 0 ? branch : branch.map((entry) => ~entry)));
  const joined = [...pre, ...head, ...inJoin, ...tail, entries[close] ?? 0];
  const postUnits = unitsOf(source, entries.slice(close + 1), offset + close + 1);
  const combined = postUnits.map((post) => [...joined, ...post]);
  const threadUnits = branches.map((branch) => [...pre, ...head, ...branch]);
  return [...combined, ...threadUnits];
}

function matchingClose(
  source: Source,
  entries: readonly Entry[],
  open: number,
  [openId, closeId]: readonly [number, number],
  offset: number,
  code: 'unclosed_block' | 'unclosed_thread',
): number {
  let depth = 0;
  for (let index = open; index < entries.length; index += 1) {
    const id = source.id(entries[index] ?? 0);
    if (id === openId) depth += 1;
    else if (id === closeId && (depth -= 1) === 0) return index;
  }
  const what = code === 'unclosed_block' ? 'a block' : 'a thread';
  throw new UnitError({ code, message: `${what} is never closed`, tokenIndex: offset + open });
}

interface BlockParts {
  readonly head: readonly Entry[];
  readonly branches: readonly (readonly Entry[])[];
  readonly tail: readonly Entry[];
}

/** Head (plan and the whitespace before the first thread), each thread with its tags, tail after the last. */
function splitBlock(source: Source, inner: readonly Entry[], offset: number): BlockParts {
  const { branchOpen, branchClose } = source.tags;
  const branches: Entry[][] = [];
  let first = -1;
  let end = -1;
  for (let index = source.indexOf(inner, branchOpen); index >= 0; index = source.indexOf(inner, branchOpen, end)) {
    const close = matchingClose(source, inner, index, [branchOpen, branchClose], offset, 'unclosed_thread');
    if (first < 0) first = index;
    branches.push(inner.slice(index, close + 1));
    end = close + 1;
  }
  if (first < 0) {
    throw new UnitError({ code: 'no_thread_in_block', message: 'a block has no thread', tokenIndex: offset });
  }
  return { head: inner.slice(0, first), branches, tail: inner.slice(end) };
}
