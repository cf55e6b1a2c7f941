/** A stretch of plain text, or the index of a special string in the splitter's list. */
type SpecialPiece = { readonly text: string } | { readonly special: number };

/** Splits text on a fixed list of special strings (longest first, so `</Thread>` never loses to a prefix). */
export function createSpecialSplitter(specials: readonly string[]): (text: string) => SpecialPiece[] {
  const indexOf = new Map(specials.map((special, index) => [special, index]));
  const alternatives = [...specials].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(alternatives.join('|'), 'g');
  return (text) => {
    const pieces: SpecialPiece[] = [];
    let position = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > position) pieces.push({ text: text.slice(position, match.index) });
      pieces.push({ special: indexOf.get(match[0]) ?? -1 });
      position = match.index + match[0].length;
    }
    if (position < text.length) pieces.push({ text: text.slice(position) });
    return pieces;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
