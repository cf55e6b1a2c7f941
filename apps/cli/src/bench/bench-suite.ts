/** Where a suite writes its human-readable report lines. */
export interface BenchOutput {
  line(text: string): void;
}

/** One benchmark suite, run by `threadloom bench <name>` or `threadloom bench all`. */
export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  run(output: BenchOutput): Promise<void>;
}
