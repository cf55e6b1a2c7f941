import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import type { BlockSegment, NumberedElement, Trajectory } from './trajectory.js';

/** Options of {@link serializeTrajectory}. */
export interface SerializeOptions {
  /** Tag vocabulary; defaults to ThreadWeaver. */
  readonly dialect?: Dialect;
}

/**
 * Renders a trajectory in the released-data whitespace convention (spec §1.3):
 * `<Parallel>\n<Outlines>\n<Outline>N: text</Outline>\n…</Outlines>\n<Thread>\nN: body\n</Thread><Thread>…\n</Parallel>`.
 * Text segments are copied verbatim. A canonical text therefore round-trips byte for byte through
 * parse and serialize; any other text comes back canonicalized. Unclosed elements are written without
 * their close tags, so a truncated trajectory stays truncated.
 */
export function serializeTrajectory(trajectory: Trajectory, options: SerializeOptions = {}): string {
  const dialect = options.dialect ?? THREADWEAVER_DIALECT;
  const parts: string[] = [];
  for (const segment of trajectory.segments) {
    parts.push(segment.kind === 'text' ? segment.text : serializeBlock(segment, dialect));
  }
  return parts.join('');
}

function serializeBlock(block: BlockSegment, dialect: Dialect): string {
  const { block: blockTags, plan: planTags, planItem, branch, conclusion } = dialect.tags;
  let out = `${blockTags.open}\n`;
  if (block.plan) {
    out += `${planTags.open}\n`;
    for (const item of block.plan.items) {
      out += `${planItem.open}${numbered(item, ' ')}${item.closed ? planItem.close : ''}\n`;
    }
    if (block.plan.closed) out += `${planTags.close}\n`;
  }
  for (const thread of block.threads) {
    // Thread header and close follow the data pipeline's rewrites: `<Thread>\nN: ` … `\n</Thread>`.
    out += `${branch.open}\n${numbered(thread, ' ')}${thread.closed ? `\n${branch.close}` : ''}`;
  }
  if (block.threads.length > 0 && block.closed) out += '\n';
  // Only the thread close tag ends a thread: after an unclosed thread a conclusion would read as its text.
  const threadLeftOpen = block.threads.at(-1)?.closed === false;
  if (block.conclusion && !threadLeftOpen) {
    out += `${conclusion.open}${block.conclusion.raw}${block.conclusion.closed ? `${conclusion.close}\n` : ''}`;
  }
  return block.closed ? `${out}${blockTags.close}` : out;
}

function numbered(element: NumberedElement, separator: string): string {
  return element.number === null ? element.text : `${element.number}:${separator}${element.text}`;
}
