import type { Dialect } from '@threadloom/threading';

/** Where one thread sits in a trajectory (offsets into the text). */
export interface IndexedThread {
  readonly number: string;
  /** Offset of the branch open tag. */
  readonly headerStart: number;
  /** Offset just after `N:`, where the model's thread text begins. */
  readonly bodyStart: number;
  /** Offset just after the branch close tag, or undefined when the thread never closes. */
  readonly closeEnd: number | undefined;
}

/** One parallel block: where its plan ends and its threads. */
export interface IndexedBlock {
  /** Offset just after the plan close tag (the fork point). */
  readonly planEnd: number;
  readonly threads: readonly IndexedThread[];
  /** Offset just after the last closed thread (where the join appends its suffix). */
  readonly threadsEnd: number;
}

/**
 * Structural index of a trajectory: one entry per plan close tag (the fork trigger), in order,
 * tolerant of malformed text (unclosed threads, empty plans).
 */
export function indexTrajectory(text: string, dialect: Dialect): readonly IndexedBlock[] {
  const blocks: IndexedBlock[] = [];
  const planClose = dialect.sequentialStop;
  let at = text.indexOf(planClose);
  while (at >= 0) {
    const planEnd = at + planClose.length;
    const nextPlan = text.indexOf(planClose, planEnd);
    const limit = nextPlan < 0 ? text.length : nextPlan;
    const threads = indexThreads(text, planEnd, limit, dialect);
    const lastClosed = threads.filter((t) => t.closeEnd !== undefined).at(-1);
    blocks.push({ planEnd, threads, threadsEnd: lastClosed?.closeEnd ?? planEnd });
    at = nextPlan;
  }
  return blocks;
}

function indexThreads(text: string, from: number, limit: number, dialect: Dialect): IndexedThread[] {
  const { open, close } = dialect.tags.branch;
  const blockClose = text.indexOf(dialect.tags.block.close, from);
  const end = blockClose >= 0 && blockClose < limit ? blockClose : limit;
  const threads: IndexedThread[] = [];
  let at = text.indexOf(open, from);
  while (at >= 0 && at < end) {
    const afterOpen = at + open.length;
    const numbered = dialect.planItemNumber.exec(text.slice(afterOpen, afterOpen + 32));
    if (!numbered?.[1]) break;
    const bodyStart = afterOpen + numbered[0].length;
    const closeAt = text.indexOf(close, bodyStart);
    const nextOpen = text.indexOf(open, bodyStart);
    const closed = closeAt >= 0 && closeAt < end && (nextOpen < 0 || closeAt < nextOpen);
    threads.push({ number: numbered[1], headerStart: at, bodyStart, closeEnd: closed ? closeAt + close.length : undefined });
    at = nextOpen;
  }
  return threads;
}
