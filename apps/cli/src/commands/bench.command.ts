import { InvalidArgumentError, type Command } from 'commander';
import type { BenchOptions, BenchOutput } from '../bench/bench-suite.js';
import { BENCH_SUITES, findBenchSuite } from '../bench/registry.js';
import { EXIT_OK } from '../exit-codes.js';

const STDOUT: BenchOutput = { line: (text) => process.stdout.write(`${text}\n`) };

function parseSuite(name: string): string {
  if (name === 'all' || findBenchSuite(name)) return name;
  const known = ['all', ...BENCH_SUITES.map((suite) => suite.name)].join(', ');
  throw new InvalidArgumentError(`unknown suite "${name}" (known: ${known})`);
}

/** Runs one suite, or every suite for `all`, writing to `output`. */
export async function runBench(
  name: string,
  output: BenchOutput = STDOUT,
  options: BenchOptions = { quick: false },
): Promise<number> {
  const suites = name === 'all' ? BENCH_SUITES : BENCH_SUITES.filter((suite) => suite.name === name);
  for (const suite of suites) {
    output.line(`## ${suite.name} — ${suite.description}`);
    await suite.run(output, options);
  }
  return EXIT_OK;
}

/** `threadloom bench <suite|all>`: performance numbers (never asserted in unit tests). */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description(`Run a benchmark suite (${BENCH_SUITES.map((suite) => suite.name).join(', ')}) or all of them.`)
    .argument('<suite>', 'suite name, or "all"', parseSuite)
    .option('--quick', 'smaller runs, for smoke use (suites that support it)', false)
    .action(async (suite: string, options: BenchOptions) => {
      process.exitCode = await runBench(suite, STDOUT, { quick: options.quick });
    });
}
