import type { CorpusEntry } from '@threadloom/contracts';
import { THREADWEAVER_DIALECT } from '@threadloom/threading';

/** Kinds of malformed model output the generator writes, in round-robin order. */
export const MALFORMED_KINDS = ['fuzzed-tags', 'truncated', 'wide-plan', 'nested', 'many-blocks', 'garbage'] as const;
/** One kind of malformed output. */
type MalformedKind = (typeof MALFORMED_KINDS)[number];

const TAGS = THREADWEAVER_DIALECT.tags;
/** Every tag string of the dialect, the raw material of fuzzing. */
const TAG_STRINGS = [TAGS.reasoning, TAGS.block, TAGS.plan, TAGS.planItem, TAGS.branch].flatMap((p) => [
  p.open,
  p.close,
]);
/** Near-misses a model may emit: misspelled, half-written, wrongly cased tags, and the EOS mid-text. */
const NEAR_MISSES = ['<Thred>', '</Paralel>', '<Outline', '</Outlines', '<parallel>', '< Thread>', '<Thread>>', '</>'];
/** Outlines in the wide plan (the "200 outlines"). */
export const WIDE_PLAN_OUTLINES = 200;

/** A malformed trajectory of `kind`, seeded: built from `bases` (well-formed corpus trajectories). */
export function malformedTrajectory(kind: MalformedKind, bases: readonly string[], random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  switch (kind) {
    case 'fuzzed-tags':
      return fuzzTags(pick(bases), random);
    case 'truncated': {
      const base = pick(bases);
      return base.slice(0, 1 + Math.floor(random() * (base.length - 1)));
    }
    case 'wide-plan':
      return widePlan(1 + Math.floor(random() * 4));
    case 'nested':
      return nested(2 + Math.floor(random() * 30));
    case 'many-blocks':
      return `${TAGS.reasoning.open}\n${Array.from({ length: 40 }, (_, i) => block([`step ${i}`])).join('\n')}\n\\boxed{40}`;
    case 'garbage':
      return garbage(random);
  }
}

/** 1–6 edits: a tag deleted, duplicated, swapped for a near-miss or another tag, or a tag inserted anywhere. */
function fuzzTags(base: string, random: () => number): string {
  let text = base;
  const edits = 1 + Math.floor(random() * 6);
  for (let edit = 0; edit < edits; edit += 1) {
    const at = Math.floor(random() * text.length);
    const tag = TAG_STRINGS[Math.floor(random() * TAG_STRINGS.length)]!;
    const found = text.indexOf(tag, at) >= 0 ? text.indexOf(tag, at) : text.indexOf(tag);
    const choice = Math.floor(random() * 4);
    if (choice === 0 && found >= 0) text = text.slice(0, found) + text.slice(found + tag.length);
    else if (choice === 1 && found >= 0) text = text.slice(0, found) + tag + text.slice(found);
    else if (choice === 2 && found >= 0) {
      const near = NEAR_MISSES[Math.floor(random() * NEAR_MISSES.length)]!;
      text = text.slice(0, found) + near + text.slice(found + tag.length);
    } else text = text.slice(0, at) + tag + text.slice(at);
  }
  return text;
}

function block(threads: readonly string[], outlines = threads.length): string {
  const items = Array.from(
    { length: outlines },
    (_, i) => `${TAGS.planItem.open}${i + 1}: part ${i + 1}${TAGS.planItem.close}`,
  );
  const bodies = threads.map((body, i) => `${TAGS.branch.open}\n${i + 1}: ${body}\n${TAGS.branch.close}`);
  return `${TAGS.block.open}\n${TAGS.plan.open}\n${items.join('\n')}\n${TAGS.plan.close}\n${bodies.join('')}\n${TAGS.block.close}`;
}

/** A plan of 200 outlines of which only `recorded` threads were written. */
function widePlan(recorded: number): string {
  const threads = Array.from({ length: recorded }, (_, i) => `thread ${i + 1} works on its part.`);
  return `${TAGS.reasoning.open}\nSplit it wide.\n${block(threads, WIDE_PLAN_OUTLINES)}\nDone: \\boxed{1}`;
}

/** A block inside a thread inside a block, `depth` levels deep. */
function nested(depth: number): string {
  let inner = 'the innermost thread.';
  for (let level = 0; level < depth; level += 1) inner = block([`level ${level}: ${inner}`, 'a sibling.']);
  return `${TAGS.reasoning.open}\nNesting.\n${inner}\n\\boxed{2}`;
}

/** Tags, near-misses, the EOS, control and astral characters in random order. */
function garbage(random: () => number): string {
  const pieces = [
    ...TAG_STRINGS,
    ...NEAR_MISSES,
    THREADWEAVER_DIALECT.endOfSequence,
    '\u0000',
    '\u{1F9F5}',
    '\n',
    '1:',
    'x',
  ];
  const length = 20 + Math.floor(random() * 200);
  return Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]!).join('');
}

/** `count` corpus entries, one problem each, cycling through the kinds. */
export function malformedCorpus(count: number, bases: readonly string[], random: () => number): CorpusEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = MALFORMED_KINDS[index % MALFORMED_KINDS.length]!;
    return {
      id: `malformed-${index}`,
      problem: `Malformed output case ${index} (${kind}): what is ${index} + 1?`,
      answer: String(index + 1),
      trajectory: malformedTrajectory(kind, bases, random),
    };
  });
}
