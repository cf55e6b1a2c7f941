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

/**
 * The training units of one tokenized trajectory, as spec §5.1: the whole trajectory first, then for
 * every block from the last to the first one prefix sequence per thread (`pre + <Parallel> + head +
 * thread_i`). Threads are joined without the whitespace between them, as the reference does.
 */
export function extractUnits(tokens: readonly number[], tags: UnitTags): UnitsResult {
  try {
    const units = unitsOf(tokens, 0, tags);
    const [first, ...rest] = units;
    if (first !== undefined && rest.some((unit) => unit.length >= first.length)) {
      return fail('units_not_nested', 'a thread unit is not shorter than the whole trajectory', 0);
    }
    return { ok: true, units };
  } catch (error) {
    if (error instanceof UnitError) return fail(error.issue.code, error.issue.message, error.issue.tokenIndex);
    throw error;
  }
}

/** Unwinds the recursion with the issue found; never escapes {@link extractUnits}. */
class UnitError extends Error {
  readonly issue: PackingIssue;
  constructor(issue: PackingIssue) {
    super(issue.message);
    this.name = 'UnitError';
    this.issue = issue;
  }
}

function fail(code: PackingIssue['code'], message: string, tokenIndex: number): UnitsResult {
  return { ok: false, issues: [{ code, message, tokenIndex }] };
}

function unitsOf(tokens: readonly number[], offset: number, tags: UnitTags): number[][] {
  const open = tokens.indexOf(tags.blockOpen);
  if (open < 0) return [[...tokens]];
  const close = matchingClose(tokens, open, [tags.blockOpen, tags.blockClose], offset, 'unclosed_block');
  const pre = tokens.slice(0, open + 1);
  const { head, branches, tail } = splitBlock(tokens.slice(open + 1, close), tags, offset + open + 1);
  const joined = [...pre, ...head, ...branches.flat(), ...tail, tags.blockClose];
  const postUnits = unitsOf(tokens.slice(close + 1), offset + close + 1, tags);
  const combined = postUnits.map((post) => [...joined, ...post]);
  const threadUnits = branches.map((branch) => [...pre, ...head, ...branch]);
  return [...combined, ...threadUnits];
}

function matchingClose(
  tokens: readonly number[],
  open: number,
  [openId, closeId]: readonly [number, number],
  offset: number,
  code: 'unclosed_block' | 'unclosed_thread',
): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    if (tokens[index] === openId) depth += 1;
    else if (tokens[index] === closeId && (depth -= 1) === 0) return index;
  }
  const what = code === 'unclosed_block' ? 'a block' : 'a thread';
  throw new UnitError({ code, message: `${what} is never closed`, tokenIndex: offset + open });
}

interface BlockParts {
  readonly head: readonly number[];
  readonly branches: readonly (readonly number[])[];
  readonly tail: readonly number[];
}

/** Head (plan and the whitespace before the first thread), each thread with its tags, tail after the last. */
function splitBlock(inner: readonly number[], tags: UnitTags, offset: number): BlockParts {
  const branches: number[][] = [];
  let first = -1;
  let end = -1;
  for (let index = inner.indexOf(tags.branchOpen); index >= 0; index = inner.indexOf(tags.branchOpen, end)) {
    const close = matchingClose(inner, index, [tags.branchOpen, tags.branchClose], offset, 'unclosed_thread');
    if (first < 0) first = index;
    branches.push(inner.slice(index, close + 1));
    end = close + 1;
  }
  if (first < 0) {
    throw new UnitError({ code: 'no_thread_in_block', message: 'a block has no thread', tokenIndex: offset });
  }
  return { head: inner.slice(0, first), branches, tail: inner.slice(end) };
}
