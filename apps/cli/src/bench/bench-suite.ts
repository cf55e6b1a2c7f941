/** Where a suite writes its human-readable report lines. */
export interface BenchOutput {
  line(text: string): void;
}

/** Options of one bench run. */
export interface BenchOptions {
  /** `--quick`: smaller runs, for smoke use (numbers are noisier). */
  readonly quick: boolean;
}

/** One benchmark suite, run by `threadloom bench <name>` or `threadloom bench all`. */
export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  run(output: BenchOutput, options?: BenchOptions): Promise<void>;
}
