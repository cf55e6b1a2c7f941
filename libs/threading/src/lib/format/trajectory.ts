/**
 * Structured form of a response. Offsets are UTF-16 indices into the parsed text: `start`/`end`
 * cover an element including its tags (`end` is exclusive; an unclosed element ends where the
 * text or its implicitly closing tag starts), `contentStart`/`contentEnd` cover what is between the tags.
 */
export interface ElementOffsets {
  readonly start: number;
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** Sequential text outside any block, verbatim (it may contain reasoning tags such as `<think>`). */
export interface TextSegment {
  readonly kind: 'text';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A plan item or a thread: `N: text` between two tags. */
export interface NumberedElement {
  /** The number as written (`"1"`), or null when the content does not start with `N:`. */
  readonly number: string | null;
  /** The content after the `N:` header, trimmed; the whole trimmed content when there is no number. */
  readonly text: string;
  /** Exactly the content between the open and close tags (up to the end of the text if unclosed). */
  readonly raw: string;
  readonly offsets: ElementOffsets;
  readonly closed: boolean;
}

/** The plan of a block (`<Outlines>`): its numbered items. */
export interface Plan {
  readonly items: readonly NumberedElement[];
  readonly offsets: ElementOffsets;
  readonly closed: boolean;
}

/** Optional legacy conclusion of a block. */
export interface Conclusion {
  readonly raw: string;
  readonly offsets: ElementOffsets;
  readonly closed: boolean;
}

/** One fork/join block. */
export interface BlockSegment {
  readonly kind: 'block';
  readonly plan: Plan | null;
  readonly threads: readonly NumberedElement[];
  readonly conclusion: Conclusion | null;
  readonly offsets: ElementOffsets;
  readonly closed: boolean;
}

/** A top-level piece of a trajectory. */
export type Segment = TextSegment | BlockSegment;

/** A parsed response: its segments in text order and the length of the parsed text. */
export interface Trajectory {
  readonly segments: readonly Segment[];
  readonly length: number;
}
