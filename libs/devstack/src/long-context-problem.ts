/** Short words (one token each to the simulator's tokenizer and, mostly, to Qwen3's). */
const WORDS = [
  'amber',
  'basil',
  'cedar',
  'delta',
  'ember',
  'fjord',
  'grove',
  'haze',
  'iris',
  'jade',
  'kelp',
  'lumen',
  'moss',
  'north',
  'opal',
  'pine',
  'quill',
  'reed',
  'slate',
  'tide',
  'umber',
  'vale',
  'wren',
  'yew',
] as const;

/**
 * A deterministic problem statement of about `tokens` tokens: a long ledger of word records followed by
 * a question, so a request's context at every fork is at least that long (long-context benchmarks and
 * placement tests). Different `seed`s give different texts (no shared prefix beyond the chat template).
 */
export function longContextProblem(seed: number, tokens: number): string {
  let state = (seed * 2_654_435_761 + 1) >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state >>> 8;
  };
  const words: string[] = [];
  // 12 words and a newline per line: 13 tokens.
  for (let i = 0; i < Math.max(1, Math.round(((tokens - 40) * 12) / 13)); i += 1)
    words.push(WORDS[next() % WORDS.length]!);
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += 12) lines.push(words.slice(i, i + 12).join(' '));
  return `Ledger ${seed}:\n${lines.join('\n')}\nHow many records of the ledger above name a tree? Reason in parallel where you can.`;
}
