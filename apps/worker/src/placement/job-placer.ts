import type { EnginePlacement } from './engine-placement.js';
import { decidePrefixPlacement, type PlacementChoice } from './prefix-decision.js';
import type { PrefixRecorder } from './prefix-recorder.js';
import type { PlacementPolicy } from './placement-policy.js';

/** A reason or thread job as placement sees it. */
export interface PlacedJob {
  readonly requestId: string;
  readonly role: 'reason' | 'thread';
  /** Since the job was added: how long it has been handed back so far. */
  readonly waitedMs: number;
}

/** How jobs are placed. */
export interface JobPlacerOptions {
  readonly policy: PlacementPolicy;
  /** A job handed back for prefix affinity this long runs where it lands. */
  readonly affinityMaxWaitMs: number;
  /** Thread calls carry an engine priority ahead of waiting requests (`ENGINE_PRIORITY`). */
  readonly threadsSkipWaiting: boolean;
}

/**
 * Decides per job whether this worker runs it. Prefix policy: a request with recorded prefix holders
 * goes where wait + uncached prefill is cheapest (decidePrefixPlacement); a request without (its first
 * step) and the capacity policy use free capacity (EnginePlacement.admit).
 */
export class JobPlacer {
  constructor(
    private readonly engine: EnginePlacement,
    private readonly recorder: PrefixRecorder | undefined,
    private readonly options: JobPlacerOptions,
  ) {}

  /** What this worker does with `job`; a job it runs counts against the local free slots. */
  async place(job: PlacedJob): Promise<PlacementChoice> {
    if (this.options.policy === 'capacity' || this.recorder === undefined) return this.byCapacity();
    const machines = this.engine.machines();
    if (machines.length === 0) return { run: true, reason: 'unplaced', cachedTokens: 0 };
    const holders = await this.recorder.holders(job.requestId);
    if (holders.length === 0) return this.byCapacity();
    const choice = decidePrefixPlacement({
      self: this.engine.machineId,
      machines,
      holders,
      skipsWaiting: job.role === 'thread' && this.options.threadsSkipWaiting,
    });
    if (choice.run) {
      this.engine.admitted();
      return choice;
    }
    if (job.waitedMs < this.options.affinityMaxWaitMs) return choice;
    this.engine.admitted();
    return { ...choice, run: true, reason: 'wait-cap' };
  }

  private byCapacity(): PlacementChoice {
    return this.engine.admit()
      ? { run: true, reason: 'capacity', cachedTokens: 0 }
      : { run: false, reason: 'hand-back', cachedTokens: 0 };
  }
}
