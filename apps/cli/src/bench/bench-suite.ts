/** Where a suite writes its human-readable report lines. */
export interface BenchOutput {
  line(text: string): void;
}

/** Options of one bench run. */
export interface BenchOptions {
  /** `--quick`: smaller runs, for smoke use (numbers are noisier). */
  readonly quick: boolean;
  /** `--long`: the long form of suites that have one (the fault suite). */
  readonly long?: boolean;
  /** `--only`: scenario ids or names of suites made of scenarios. */
  readonly only?: readonly string[];
  /** `--list`: print the scenarios (one JSON line each) instead of running them (the fault suite). */
  readonly list?: boolean;
  /** `--record <file>`: write the figures into this Markdown file (the fault suite). */
  readonly record?: string;
}

/** One benchmark suite, run by `threadloom bench <name>` or `threadloom bench all`. */
export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  /** Resolves with an exit code when the suite judges its own result (the fault suite); void means 0. */
  run(output: BenchOutput, options?: BenchOptions): Promise<void | number>;
}
