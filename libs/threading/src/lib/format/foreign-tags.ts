// What counts as a tag inside a block (spec §3.3 rule 2: only the dialect's own tags are allowed there).
// A tag is `<name>`, `</name>`, `<name/>` or `<name attr …>`: `<` directly followed by a name that starts
// with an ASCII letter (letters, digits, `_ : . -` after it), then `>`, `/>` or whitespace and HTML-style
// attributes (`key`, `key=value`, `key="value"`, `key='value'`), then `>`. So `a < b`, `x<=y`, `<3`, `<-`,
// `< b>`, `<1>` and `<|im_end|>` are text; `<b>`, `</i>`, `<br/>`, `<span class="x">` and also `vector<int>`
// or `a<b and c>d` (no spaces) are tags. Dialect tags are handled by the parser itself and never reach here.

const TAG_AT = /<\/?[A-Za-z][\w:.-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+))?)*\s*\/?>/y;
// A longer "tag" is not a tag; the bound also keeps the scan linear on junk like `<a a a a …`.
const MAX_TAG_LENGTH = 256;

/** One tag-like token found in a text range. */
interface ForeignTag {
  readonly tag: string;
  readonly offset: number;
}

/** The tags (as defined above) in `text[from, to)`, in order. Linear in the range. */
export function findForeignTags(text: string, from: number, to: number): ForeignTag[] {
  const found: ForeignTag[] = [];
  let lt = text.indexOf('<', from);
  while (lt !== -1 && lt < to) {
    const window = text.slice(lt, Math.min(to, lt + MAX_TAG_LENGTH));
    TAG_AT.lastIndex = 0;
    const match = TAG_AT.exec(window);
    if (match !== null) {
      found.push({ tag: match[0], offset: lt });
      lt = text.indexOf('<', lt + match[0].length);
    } else {
      lt = text.indexOf('<', lt + 1);
    }
  }
  return found;
}
