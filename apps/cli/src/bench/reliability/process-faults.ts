import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { ManagedProcess, SupervisedChild } from '@threadloom/devstack';
import { check, type ScenarioCheck } from './scenario.js';

/** One injected process fault and how long its process took to be back (ready again). */
interface ProcessFault {
  readonly name: string;
  readonly signal: NodeJS.Signals;
  /** Signal to ready again (ms); undefined when it had not come back by the end. */
  readonly recoverMs: number | undefined;
}

/** How faults are spread: how many, the pause before each, and when to stop early. */
interface FaultPlan {
  readonly count: number;
  readonly signal: NodeJS.Signals;
  /** Picks the next victim among the running children (index into the list given). */
  pick(running: readonly SupervisedChild<ManagedProcess>[]): SupervisedChild<ManagedProcess> | undefined;
  /** Pause before the next fault (ms). */
  gapMs(): number;
  /** Resolves when fault `index` (0-based) may be injected, after its pause (e.g. once the batch has progressed far enough). */
  readonly gate?: (index: number) => Promise<void>;
  /** True when injecting should stop (e.g. the batch is done). */
  done(): boolean;
  readonly signalAbort: AbortSignal;
  /** Wait for each victim to be back before the next fault (a rolling restart). @defaultValue false */
  readonly oneAtATime?: boolean;
  /** How long to wait for a restart before recording it as not back. @defaultValue 60 000 */
  readonly recoverTimeoutMs?: number;
}

/** Signals running children one at a time per the plan; the supervisor restarts each. Resolves once all are back (or timed out). */
export async function injectProcessFaults(
  children: readonly SupervisedChild<ManagedProcess>[],
  plan: FaultPlan,
): Promise<ProcessFault[]> {
  const pending: Promise<ProcessFault>[] = [];
  while (pending.length < plan.count && !plan.done() && !plan.signalAbort.aborted) {
    await sleep(plan.gapMs());
    await plan.gate?.(pending.length);
    if (plan.done() || plan.signalAbort.aborted) break;
    const victim = plan.pick(children.filter((child) => child.current() !== undefined));
    const running = victim?.current();
    if (victim === undefined || running === undefined) continue;
    const started = performance.now();
    const timeout = sleep(plan.recoverTimeoutMs ?? 60_000, undefined, { ref: false });
    const back = Promise.race([victim.nextRestart(), timeout]).then((child) =>
      child === undefined ? undefined : performance.now() - started,
    );
    running.child.kill(plan.signal);
    const fault = back.then((recoverMs) => ({ name: victim.name, signal: plan.signal, recoverMs }));
    pending.push(fault);
    if (plan.oneAtATime === true) await fault;
  }
  return Promise.all(pending);
}

/** The longest recovery, or undefined when none was measured. */
export function longestRecovery(faults: readonly ProcessFault[]): number | undefined {
  const times = faults.flatMap((fault) => (fault.recoverMs === undefined ? [] : [fault.recoverMs]));
  return times.length === 0 ? undefined : Math.max(...times);
}

/** The median recovery, or undefined when none was measured. */
export function medianRecovery(faults: readonly ProcessFault[]): number | undefined {
  const times = faults
    .flatMap((fault) => (fault.recoverMs === undefined ? [] : [fault.recoverMs]))
    .sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** All planned faults landed during the run, and the supervisor brought every victim back. */
export function faultChecks(faults: readonly ProcessFault[], planned: number, what: string): ScenarioCheck[] {
  const back = faults.filter((fault) => fault.recoverMs !== undefined).length;
  return [
    check(`all ${what} landed during the batch`, faults.length === planned, `${faults.length}/${planned}`),
    check(
      'every signalled worker restarted by the supervisor',
      back === faults.length,
      `${back}/${faults.length} back`,
    ),
  ];
}
