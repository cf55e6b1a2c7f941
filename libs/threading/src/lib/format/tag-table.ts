import type { Dialect, DialectTags } from '../dialect/index.js';

/** Structural role of a tag, or `special` for a dialect special token with no role (e.g. legacy `<Think>`). */
export type TagRole = keyof DialectTags | 'special';

/** What the lexer knows about one tag string. */
export interface TagInfo {
  readonly text: string;
  readonly role: TagRole;
  readonly closing: boolean;
  /** Reasoning-family tags (`<think>`, legacy `<Think>`): tolerated in bodies by the lenient validator. */
  readonly reasoningFamily: boolean;
}

/** Every tag of a dialect, indexed for the single-pass lexer. */
export interface TagTable {
  readonly byText: ReadonlyMap<string, TagInfo>;
  readonly maxLength: number;
}

const STRUCTURAL_ROLES = ['block', 'plan', 'planItem', 'branch', 'conclusion', 'reasoning'] as const;
const cache = new WeakMap<Dialect, TagTable>();

/** The tag table of a dialect (built once per dialect object). */
export function tagTable(dialect: Dialect): TagTable {
  const cached = cache.get(dialect);
  if (cached) return cached;
  const byText = new Map<string, TagInfo>();
  for (const role of STRUCTURAL_ROLES) {
    const pair = dialect.tags[role];
    const reasoningFamily = role === 'reasoning';
    byText.set(pair.open, { text: pair.open, role, closing: false, reasoningFamily });
    byText.set(pair.close, { text: pair.close, role, closing: true, reasoningFamily });
  }
  for (const token of dialect.specialTokens) {
    // Special tokens without a role are legacy reasoning spellings (`<Think>`), closing when they start with `</`.
    if (!byText.has(token))
      byText.set(token, { text: token, role: 'special', closing: token.startsWith('</'), reasoningFamily: true });
  }
  let maxLength = 0;
  for (const text of byText.keys()) maxLength = Math.max(maxLength, text.length);
  const table: TagTable = { byText, maxLength };
  cache.set(dialect, table);
  return table;
}

/** One tag occurrence in a text. */
export interface TagMatch {
  readonly info: TagInfo;
  readonly start: number;
  readonly end: number;
}

const LT = 0x3c;
const GT = 0x3e;

/**
 * Finds the next known tag at or after `from`. Linear overall: each `<` is examined for at most
 * `maxLength` characters, so inputs like `<<<<…` or a `<` with no `>` cost O(n).
 */
export function findNextTag(text: string, from: number, table: TagTable): TagMatch | null {
  let lt = text.indexOf('<', from);
  while (lt !== -1) {
    const limit = Math.min(text.length, lt + table.maxLength);
    for (let i = lt + 1; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (code === LT) break;
      if (code === GT) {
        const info = table.byText.get(text.slice(lt, i + 1));
        if (info) return { info, start: lt, end: i + 1 };
        break;
      }
    }
    lt = text.indexOf('<', lt + 1);
  }
  return null;
}
