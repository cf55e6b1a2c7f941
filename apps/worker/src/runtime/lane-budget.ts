/** Something whose concurrency can change while it runs (a BullMQ Worker). */
interface ConcurrencyTarget {
  concurrency: number;
}

/**
 * The concurrency a lane's worker may use: its fair share of the role's total, or more while the
 * total has room (borrowed capacity shrinks back as soon as other lanes take theirs). A negative
 * room makes a lane over its share stop fetching until it is back at its share.
 */
export function laneLimit(total: number, lanes: number, activeHere: number, activeAll: number): number {
  const share = Math.ceil(total / lanes);
  return Math.min(total, Math.max(1, share, activeHere + (total - activeAll)));
}

/**
 * Shares one role's concurrency between the workers of several lanes: each lane keeps a poller of its
 * own (no lane waits behind another's backlog) and a fair share, and an idle lane's share is lent to
 * busy ones. Limits are recomputed whenever a job starts or ends; between two recomputations a few
 * fetches in flight can exceed the total briefly (at most one per lane).
 */
export class LaneBudget {
  private readonly total: number;
  private readonly active = new Map<number, number>();
  private readonly targets = new Map<number, ConcurrencyTarget>();

  constructor(total: number) {
    this.total = total;
  }

  /** The concurrency a new lane worker starts with. */
  initial(lanes: number): number {
    return laneLimit(this.total, lanes, 0, 0);
  }

  /** Lets the budget steer `target`, the worker of `lane`. */
  attach(lane: number, target: ConcurrencyTarget): void {
    this.targets.set(lane, target);
    this.active.set(lane, this.active.get(lane) ?? 0);
    this.rebalance();
  }

  /** Runs one job of `lane`, counted against the budget while it runs. */
  async run<T>(lane: number, work: () => Promise<T>): Promise<T> {
    this.active.set(lane, (this.active.get(lane) ?? 0) + 1);
    this.rebalance();
    try {
      return await work();
    } finally {
      this.active.set(lane, (this.active.get(lane) ?? 1) - 1);
      this.rebalance();
    }
  }

  /** Jobs running in `lane` now. */
  running(lane: number): number {
    return this.active.get(lane) ?? 0;
  }

  private rebalance(): void {
    const lanes = Math.max(1, this.targets.size);
    let all = 0;
    for (const count of this.active.values()) all += count;
    for (const [lane, target] of this.targets) {
      const limit = laneLimit(this.total, lanes, this.active.get(lane) ?? 0, all);
      if (target.concurrency !== limit) target.concurrency = limit;
    }
  }
}
