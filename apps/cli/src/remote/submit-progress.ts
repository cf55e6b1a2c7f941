import { Presets, SingleBar } from 'cli-progress';

/** Counters the progress display shows. */
interface ProgressCounters {
  done: number;
  correct: number;
  threads: number;
}

/** The live progress line of `submit`: a bar on a terminal, nothing otherwise (logs and scripts get the summary). */
export class SubmitProgress {
  private readonly bar: SingleBar | undefined;
  private readonly counters: ProgressCounters = { done: 0, correct: 0, threads: 0 };
  private total = 0;
  /** Results already written when this run started, and when it started: the rate counts this run only. */
  private baseline = { done: 0, at: 0 };

  constructor(stream: NodeJS.WriteStream, graded: boolean, enabled: boolean) {
    const correct = graded ? ' | {correct} correct' : '';
    this.bar =
      enabled && stream.isTTY
        ? new SingleBar(
            {
              format: `  {bar} {value}/{total} done${correct} | {threads} threads in flight | {duration_formatted} | ETA {remaining}`,
              stream,
              hideCursor: true,
            },
            Presets.shades_classic,
          )
        : undefined;
  }

  start(total: number, done: number, correct: number): void {
    this.counters.done = done;
    this.counters.correct = correct;
    this.total = total;
    this.baseline = { done, at: performance.now() };
    this.bar?.start(total, done, this.payload());
  }

  finished(correct: boolean): void {
    this.counters.done += 1;
    if (correct) this.counters.correct += 1;
    this.bar?.update(this.counters.done, this.payload());
  }

  threads(delta: number): void {
    this.counters.threads += delta;
    this.bar?.update(this.counters.done, this.payload());
  }

  /** The counters, and the time left at this run's rate so far (`…` until a result arrived). */
  private payload(): ProgressCounters & { remaining: string } {
    const finished = this.counters.done - this.baseline.done;
    const elapsed = (performance.now() - this.baseline.at) / 1000;
    const seconds = finished > 0 ? Math.round(((this.total - this.counters.done) * elapsed) / finished) : undefined;
    const eta =
      seconds === undefined
        ? '…'
        : seconds >= 60
          ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`
          : `${seconds}s`;
    return { ...this.counters, remaining: eta };
  }

  /** Prints a line above the bar (or plainly without one). */
  note(stream: NodeJS.WriteStream, text: string): void {
    if (this.bar === undefined) stream.write(`${text}\n`);
    else {
      stream.write(`\r\x1b[2K${text}\n`);
      this.bar.render();
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}
