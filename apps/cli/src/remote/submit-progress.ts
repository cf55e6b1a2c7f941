import { Presets, SingleBar } from 'cli-progress';

/** Counters the progress display shows. */
export interface ProgressCounters {
  done: number;
  correct: number;
  threads: number;
}

/** The live progress line of `submit`: a bar on a terminal, nothing otherwise (logs and scripts get the summary). */
export class SubmitProgress {
  private readonly bar: SingleBar | undefined;
  private readonly counters: ProgressCounters = { done: 0, correct: 0, threads: 0 };

  constructor(stream: NodeJS.WriteStream, graded: boolean, enabled: boolean) {
    const correct = graded ? ' | {correct} correct' : '';
    this.bar =
      enabled && stream.isTTY
        ? new SingleBar(
            {
              format: `  {bar} {value}/{total} done${correct} | {threads} threads in flight | {duration_formatted} | ETA {eta_formatted}`,
              stream,
              hideCursor: true,
              etaBuffer: 50,
            },
            Presets.shades_classic,
          )
        : undefined;
  }

  start(total: number, done: number, correct: number): void {
    this.counters.done = done;
    this.counters.correct = correct;
    this.bar?.start(total, done, { ...this.counters });
  }

  finished(correct: boolean): void {
    this.counters.done += 1;
    if (correct) this.counters.correct += 1;
    this.bar?.update(this.counters.done, { ...this.counters });
  }

  threads(delta: number): void {
    this.counters.threads += delta;
    this.bar?.update(this.counters.done, { ...this.counters });
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
