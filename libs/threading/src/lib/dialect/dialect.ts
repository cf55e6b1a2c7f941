/**
 * A dialect is the tag vocabulary one model family uses for adaptive parallel reasoning.
 * Parsers, validators, metrics and the orchestration state machine read every tag and
 * orchestrator-inserted string from here, so a new model family is a new data object.
 */
export interface TagPair {
  readonly open: string;
  readonly close: string;
}

export interface DialectTags {
  /** Wraps the whole reasoning (`<think>`), emitted by the model. */
  readonly reasoning: TagPair;
  /** One fork/join block (`<Parallel>`). */
  readonly block: TagPair;
  /** The plan of a block (`<Outlines>`); its close tag is the fork trigger. */
  readonly plan: TagPair;
  /** One numbered sub-task in the plan (`<Outline>`). */
  readonly planItem: TagPair;
  /** One branch decoded as its own request (`<Thread>`). */
  readonly branch: TagPair;
  /** Optional legacy summary after the branches (`<Conclusion>`); not used by ThreadWeaver. */
  readonly conclusion: TagPair;
}

export interface Dialect {
  readonly name: string;
  readonly tags: DialectTags;
  /** Every string the tokenizer must treat as one special token, in the order the SFT code adds them. */
  readonly specialTokens: readonly string[];
  /** End-of-sequence token of the chat template (`<|im_end|>` for Qwen3). */
  readonly endOfSequence: string;
  /** Stop string of a sequential step: the plan close tag. */
  readonly sequentialStop: string;
  /** Stop string of a thread request: the branch close tag. */
  readonly threadStop: string;
  /** Header of the first thread, in its request prompt and in the join (`{n}` is the outline number). */
  readonly firstThreadHeader: string;
  /** Header of every later thread in the join. */
  readonly laterThreadHeader: string;
  /** Appended after the last thread when joining. */
  readonly joinSuffix: string;
  /** Appended to a thread that did not stop on its close tag (length, EOS). */
  readonly forcedThreadClose: string;
  /** Appended when the orchestrator itself must close a block (EOS or budget inside a thread, or the `appendBlockClose` option). */
  readonly forcedBlockClose: string;
  /** Matches one outline number at the start of a plan item body, capture group 1 = the number as written. */
  readonly planItemNumber: RegExp;
}

/** Renders a thread header template for outline number `n`. */
export function threadHeader(dialect: Dialect, n: string, isFirst: boolean): string {
  const template = isFirst ? dialect.firstThreadHeader : dialect.laterThreadHeader;
  return template.replace('{n}', n);
}
