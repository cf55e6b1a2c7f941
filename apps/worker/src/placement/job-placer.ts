import type { EnginePlacement } from './engine-placement.js';
import type { MachineLoad } from './placement-decision.js';
import { decidePrefixPlacement, type PlacementChoice } from './prefix-decision.js';
import type { PrefixRecorder } from './prefix-recorder.js';
import type { PlacementPolicy } from './placement-policy.js';

/** A reason or thread job as placement sees it. */
interface PlacedJob {
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
 * Decides per job whether this worker runs it, and on which engine. Prefix policy: a request with
 * recorded prefix holders goes where wait + uncached prefill is cheapest (decidePrefixPlacement) — this
 * worker calls that machine's engine when it advertises a URL, else hands the job back for that
 * machine's worker; a request without holders (its first step) and the capacity policy use free
 * capacity (EnginePlacement.admit).
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
    const routed = routeToBest(choice, machines);
    if (routed !== undefined) {
      this.engine.sentToMachine(routed.engine.machine);
      return routed;
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

/**
 * A job another machine should run, when that machine's engine is reachable (it advertises a URL): this
 * worker runs the job and sends its engine call there, so the job never goes back to the queue for the
 * other machine's worker to win a race for it.
 */
function routeToBest(
  choice: PlacementChoice,
  machines: readonly MachineLoad[],
): (PlacementChoice & { engine: { machine: string; url: string } }) | undefined {
  const best = choice.best;
  const url = machines.find((load) => load.machine === best?.machine)?.url;
  if (best === undefined || url === undefined) return undefined;
  const reason = best.cachedTokens > 0 ? 'prefix-holder' : 'spill';
  return {
    run: true,
    reason,
    cachedTokens: best.cachedTokens,
    here: best,
    best,
    engine: { machine: best.machine, url },
  };
}
