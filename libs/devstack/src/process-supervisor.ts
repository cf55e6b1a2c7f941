import type { ExitInfo } from './managed-process.js';
import { DEFAULT_RESTART_POLICY, recentCrashes, restartDelay, type RestartPolicy } from './restart-policy.js';

/** A started child the supervisor can watch, stop and (to simulate a crash) kill. */
export interface Restartable {
  readonly pid: number | undefined;
  readonly exited: Promise<ExitInfo>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** What the supervisor tells about restarts (crashes themselves are reported by the child's own hooks). */
export interface SupervisorHooks {
  /** The child exited unasked; it is restarted after `delayMs` (restart number `count`). */
  onRestarting?(name: string, exit: ExitInfo, restart: { readonly count: number; readonly delayMs: number }): void;
  onRestarted?(name: string, pid: number | undefined, count: number): void;
  /** A restart attempt failed to bring the child up (it counts as another crash). */
  onRestartFailed?(name: string, error: unknown): void;
  /** More crashes inside the policy's window than it allows: the child stays down. */
  onGaveUp?(name: string, exit: ExitInfo, restarts: number): void;
}

/** How to supervise one child. */
export interface SuperviseOptions {
  readonly policy?: RestartPolicy;
  readonly hooks?: SupervisorHooks;
}

/** A child kept running: restarted with backoff after every crash, until stopped or out of crash budget. */
export interface SupervisedChild<T extends Restartable> {
  readonly name: string;
  /** The running child, or undefined while it is down (waiting to restart, or given up). */
  current(): T | undefined;
  /** Restarts done so far. */
  restarts(): number;
  /** Resolves with the child of the next successful restart. */
  nextRestart(): Promise<T>;
  /** Resolves when the supervisor gives up on the child; never resolves otherwise. */
  readonly gaveUp: Promise<ExitInfo>;
  /** True once the child crashed at least once (even if it is running again). */
  everCrashed(): boolean;
  /** Stops supervising and stops the child. */
  stop(): Promise<void>;
}

/** Starts a child with `start` (a failure there is thrown) and supervises it. */
export async function supervise<T extends Restartable>(
  name: string,
  start: () => Promise<T>,
  options: SuperviseOptions = {},
): Promise<SupervisedChild<T>> {
  const first = await start();
  return new Supervisor(name, start, first, options.policy ?? DEFAULT_RESTART_POLICY, options.hooks ?? {});
}

class Supervisor<T extends Restartable> implements SupervisedChild<T> {
  readonly name: string;
  readonly gaveUp: Promise<ExitInfo>;
  private readonly start: () => Promise<T>;
  private readonly policy: RestartPolicy;
  private readonly hooks: SupervisorHooks;
  private child: T | undefined;
  private stopping = false;
  private crashes: number[] = [];
  private restartCount = 0;
  private crashed = false;
  private waiters: ((child: T) => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private starting: Promise<void> | undefined;
  private giveUp: (exit: ExitInfo) => void = () => undefined;

  constructor(name: string, start: () => Promise<T>, first: T, policy: RestartPolicy, hooks: SupervisorHooks) {
    this.name = name;
    this.start = start;
    this.policy = policy;
    this.hooks = hooks;
    this.gaveUp = new Promise((resolve) => {
      this.giveUp = resolve;
    });
    this.watch(first);
  }

  current(): T | undefined {
    return this.child;
  }

  restarts(): number {
    return this.restartCount;
  }

  everCrashed(): boolean {
    return this.crashed;
  }

  nextRestart(): Promise<T> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.starting;
    await this.child?.stop();
  }

  private watch(child: T): void {
    this.child = child;
    void child.exited.then((exit) => {
      if (this.child === child) this.onCrash(exit);
    });
  }

  private onCrash(exit: ExitInfo): void {
    this.child = undefined;
    if (this.stopping) return;
    this.crashed = true;
    const now = Date.now();
    this.crashes = [...recentCrashes(this.crashes, now, this.policy), now];
    const delayMs = restartDelay(this.crashes.length, this.policy);
    if (delayMs === undefined) {
      this.hooks.onGaveUp?.(this.name, exit, this.restartCount);
      this.giveUp(exit);
      return;
    }
    this.hooks.onRestarting?.(this.name, exit, { count: this.restartCount + 1, delayMs });
    this.timer = setTimeout(() => {
      this.starting = this.restart().finally(() => {
        this.starting = undefined;
      });
    }, delayMs);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    let child: T;
    try {
      child = await this.start();
    } catch (error) {
      this.hooks.onRestartFailed?.(this.name, error);
      this.onCrash({ code: null, signal: null });
      return;
    }
    if (this.stopping) {
      await child.stop();
      return;
    }
    this.restartCount += 1;
    this.watch(child);
    this.hooks.onRestarted?.(this.name, child.pid, this.restartCount);
    for (const waiter of this.waiters.splice(0)) waiter(child);
  }
}
