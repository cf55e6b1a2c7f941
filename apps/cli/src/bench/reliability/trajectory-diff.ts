/** Where a request's final text first departs from the fault-free reference, with a little of both around it. */
export interface TextDiff {
  /** First differing character (UTF-16 offset); the shorter length when one text is a prefix of the other. */
  readonly offset: number;
  readonly referenceLength: number;
  readonly gotLength: number;
  /** The reference from a little before `offset`. */
  readonly reference: string;
  /** The text received from the same place. */
  readonly got: string;
}

/** Characters shown before the first difference: enough to recognise the spot in the trajectory. */
const BEFORE = 24;
/** Characters shown from the first difference on. */
const AFTER = 56;

/** The first difference of `got` from `reference`; undefined when they are equal. */
export function describeTextDiff(reference: string, got: string): TextDiff | undefined {
  if (reference === got) return undefined;
  const shorter = Math.min(reference.length, got.length);
  let offset = 0;
  while (offset < shorter && reference.charCodeAt(offset) === got.charCodeAt(offset)) offset += 1;
  const from = Math.max(0, offset - BEFORE);
  return {
    offset,
    referenceLength: reference.length,
    gotLength: got.length,
    reference: reference.slice(from, offset + AFTER),
    got: got.slice(from, offset + AFTER),
  };
}

/** One line for a check's detail: `at char 812 of 4100 (got 3990): reference "…" got "…"`. */
export function formatTextDiff(diff: TextDiff): string {
  const lead = diff.offset > BEFORE ? '…' : '';
  const quote = (text: string) => JSON.stringify(`${lead}${text}`);
  return (
    `at char ${diff.offset} of ${diff.referenceLength} (got ${diff.gotLength}): ` +
    `reference ${quote(diff.reference)} got ${quote(diff.got)}`
  );
}
