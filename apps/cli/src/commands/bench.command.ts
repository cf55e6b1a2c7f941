import { commaList } from '@threadloom/contracts';
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
async function runBench(
  name: string,
  output: BenchOutput = STDOUT,
  options: BenchOptions = { quick: false },
): Promise<number> {
  const suites = name === 'all' ? BENCH_SUITES : BENCH_SUITES.filter((suite) => suite.name === name);
  let code = EXIT_OK;
  for (const suite of suites) {
    output.line(`## ${suite.name} — ${suite.description}`);
    const result = await suite.run(output, options);
    if (typeof result === 'number' && result !== EXIT_OK) code = result;
  }
  return code;
}

/** `threadloom bench <suite|all>`: performance numbers (never asserted in unit tests). */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description(`Run a benchmark suite (${BENCH_SUITES.map((suite) => suite.name).join(', ')}) or all of them.`)
    .argument('<suite>', 'suite name, or "all"', parseSuite)
    .option('--quick', 'smaller runs, for smoke use (suites that support it)', false)
    .option('--long', 'the long form (reliability: every scenario, larger batches)', false)
    .option(
      '--only <scenarios>',
      'reliability: only these scenario ids or names; orchestration: only these sections (overhead, speedup, tracing, placement, call-cost); comma-separated',
      commaList,
    )
    .option(
      '--list',
      'reliability: print each scenario as a JSON line (id, name, forms, requires, runnable, budgetMs) and exit',
      false,
    )
    .option(
      '--record <file>',
      'reliability, scale: write the figures into this Markdown file (docs/reliability.md, docs/benchmarks.md)',
    )
    .action(async (suite: string, options: BenchOptions) => {
      process.exitCode = await runBench(suite, STDOUT, options);
    });
}
