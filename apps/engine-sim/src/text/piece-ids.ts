// Ordinary (non-special) token ids computed from the piece's text, so every simulator instance gives a
// piece the same id, as replicas of one vLLM model share one vocabulary: token ids returned by one
// instance are valid prompts on any other (token-exact orchestration spreads a request over replicas).

/** First ordinary id: above every special id (Qwen3's added tokens end near 151,700). */
export const FIRST_PIECE_ID = 2 ** 20;
/** ASCII pieces: up to 6 characters, base-128 digits 1..127. */
const ASCII_SPAN = 2 ** 42;
/** Other pieces: up to 2 code points, base-2^21 digits (code point + 1). */
const WIDE_DIGIT = 2 ** 21;
/** Longest ASCII piece (characters). */
export const MAX_ASCII_PIECE = 6;
/** Longest non-ASCII piece (code points). */
export const MAX_WIDE_PIECE = 2;

/** Whether a piece packs as ASCII (every char in 1..127). */
export function isAsciiPiece(piece: string): boolean {
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i);
    if (code === 0 || code > 127) return false;
  }
  return true;
}

/** The id of a piece: ≤ 6 ASCII characters or ≤ 2 code points (callers cut longer text). */
export function pieceId(piece: string): number {
  if (isAsciiPiece(piece)) {
    let value = 0;
    for (let i = piece.length - 1; i >= 0; i--) value = value * 128 + piece.charCodeAt(i);
    return FIRST_PIECE_ID + value;
  }
  let value = 0;
  const points = [...piece].map((c) => c.codePointAt(0) as number);
  for (let i = points.length - 1; i >= 0; i--) value = value * WIDE_DIGIT + (points[i] as number) + 1;
  return FIRST_PIECE_ID + ASCII_SPAN + value;
}

/** The text of an ordinary id, or undefined when no piece has that id. */
export function pieceText(id: number): string | undefined {
  if (!Number.isSafeInteger(id) || id <= FIRST_PIECE_ID) return undefined;
  let value = id - FIRST_PIECE_ID;
  if (value < ASCII_SPAN) {
    let text = '';
    for (; value > 0; value = Math.floor(value / 128)) {
      const code = value % 128;
      if (code === 0) return undefined;
      text += String.fromCharCode(code);
    }
    return text;
  }
  value -= ASCII_SPAN;
  let text = '';
  for (let n = 0; value > 0; value = Math.floor(value / WIDE_DIGIT), n++) {
    const point = (value % WIDE_DIGIT) - 1;
    if (point < 0 || point > 0x10ffff || n >= MAX_WIDE_PIECE || (point >= 0xd800 && point <= 0xdfff)) return undefined;
    text += String.fromCodePoint(point);
  }
  return text === '' ? undefined : text;
}
