import { parseTrajectory, type BlockSegment, type Dialect } from '@threadloom/threading';

/** Where one thread sits in a trajectory (offsets into the text). */
interface IndexedThread {
  readonly number: string;
  /** Offset just after `N:`, where the model's thread text begins. */
  readonly bodyStart: number;
  /** Offset just after the branch close tag, or undefined when the thread never closes. */
  readonly closeEnd: number | undefined;
}

/** One parallel block with a closed plan: where the plan ends and its threads. */
export interface IndexedBlock {
  /** Offset just after the plan close tag (the fork point). */
  readonly planEnd: number;
  readonly threads: readonly IndexedThread[];
  /** Offset just after the last closed thread (where the join appends its suffix). */
  readonly threadsEnd: number;
}

/**
 * One entry per block whose plan is closed (one per fork trigger in the text), in order, from
 * libs/threading's tolerant parser, so malformed text (unclosed threads, empty plans) still indexes.
 */
export function indexTrajectory(text: string, dialect: Dialect): readonly IndexedBlock[] {
  const parsed = parseTrajectory(text, { dialect });
  return parsed.value.segments
    .filter((s): s is BlockSegment => s.kind === 'block' && s.plan?.closed === true)
    .map((block) => {
      const threads = block.threads.flatMap((t): IndexedThread[] => {
        const header = dialect.planItemNumber.exec(t.raw);
        if (!header?.[1]) return [];
        return [
          {
            number: header[1],
            bodyStart: t.offsets.contentStart + header[0].length,
            closeEnd: t.closed ? t.offsets.end : undefined,
          },
        ];
      });
      const planEnd = block.plan?.offsets.end ?? block.offsets.start;
      const lastClosed = threads.filter((t) => t.closeEnd !== undefined).at(-1);
      return { planEnd, threads, threadsEnd: lastClosed?.closeEnd ?? planEnd };
    });
}
