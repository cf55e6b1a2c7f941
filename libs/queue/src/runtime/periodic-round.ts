/**
 * Runs `round` every `intervalMs`, never two at once (a tick while one runs is skipped); a failed
 * round is reported through `onError` as `<name>: <message>`, never thrown. The timer does not keep
 * the process alive.
 */
export class PeriodicRound {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly name: string;
  private readonly intervalMs: number;
  private readonly round: () => Promise<unknown>;
  private readonly onError: (message: string) => void;

  constructor(name: string, intervalMs: number, round: () => Promise<unknown>, onError: (message: string) => void) {
    this.name = name;
    this.intervalMs = intervalMs;
    this.round = round;
    this.onError = onError;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.running !== undefined) return;
      this.running = this.round()
        .catch((error: unknown) =>
          this.onError(`${this.name}: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops ticking and waits for a round in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
