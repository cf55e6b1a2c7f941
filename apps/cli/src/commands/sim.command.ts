import { existsSync } from 'node:fs';
import { ChildExitedError, startManagedProcess } from '@threadloom/devstack';
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { resolveEntryPoints } from '../stack/entry-points.js';
import { parseNonNegative, parsePort, parsePositiveInt } from '../stack/option-parsers.js';
import { waitForShutdownSignal } from '../stack/shutdown-signal.js';
import { PROCESS_OUTPUT } from '../stack/stack-report.js';

interface SimOptions {
  readonly port: number;
  readonly host: string;
  readonly corpus?: string;
  readonly timeScale?: number;
  readonly maxRunning?: number;
  readonly seed?: number;
  readonly faultRate?: string;
  readonly model?: string;
}

/** `threadloom sim`: one engine simulator (vLLM-compatible API) until SIGTERM/SIGINT. */
export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description(
      'Start one engine simulator (vLLM-compatible /v1/completions, replay + synthetic trajectories, timing model). Prints its URL; SIGTERM stops it.',
    )
    .option('--port <p>', 'port (0 = any free port)', parsePort, 8000)
    .option('--host <h>', 'bind address', '127.0.0.1')
    .option('--corpus <file>', 'JSONL corpus (id, problem, answer, trajectory); default: the shipped corpus')
    .option('--time-scale <x>', 'wall time = model time × x (0 = answer at once)', parseNonNegative)
    .option('--max-running <n>', 'maximum running sequences per step; the rest wait', parsePositiveInt)
    .option('--seed <s>', 'seed for synthetic trajectories and fault draws', parseInteger)
    .option('--fault-rate <spec>', 'fault probabilities: a number (split over all kinds) or 500=r,503=r,reset=r,slow=r')
    .option('--model <name>', 'served model name')
    .action(async (options: SimOptions) => {
      process.exitCode = await runSim(options);
    });
}

function parseInteger(value: string): number {
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(parsed)) throw new InvalidArgumentError('expected an integer.');
  return parsed;
}

function simArgs(options: SimOptions): string[] {
  const args = ['--port', String(options.port), '--host', options.host];
  const optional: [string, string | number | undefined][] = [
    ['--corpus', options.corpus],
    ['--time-scale', options.timeScale],
    ['--max-running', options.maxRunning],
    ['--seed', options.seed],
    ['--fault-rate', options.faultRate],
    ['--model', options.model],
  ];
  for (const [flag, value] of optional) if (value !== undefined) args.push(flag, String(value));
  return args;
}

async function runSim(options: SimOptions): Promise<number> {
  const output = PROCESS_OUTPUT;
  const { engineSim } = resolveEntryPoints();
  if (!existsSync(engineSim)) {
    output.err(`threadloom sim: ${engineSim} is missing; run \`npm run build\` first.`);
    return EXIT_FAILED;
  }
  const shutdown = waitForShutdownSignal();
  try {
    const child = await startManagedProcess({
      name: 'engine-sim',
      command: process.execPath,
      args: [engineSim, ...simArgs(options)],
      env: {},
      ready: /^https?:\/\/\S+$/,
      detached: true,
    });
    output.out(child.readyLine.trim());
    const reason = await Promise.race([shutdown.signal, child.exited.then(() => 'exited' as const)]);
    if (reason === 'exited') {
      output.err('threadloom sim: the simulator exited unexpectedly.');
      return EXIT_FAILED;
    }
    await child.stop();
    return EXIT_OK;
  } catch (error) {
    output.err(`threadloom sim: ${error instanceof Error ? error.message : String(error)}`);
    // The simulator rejects bad flags (e.g. --fault-rate) with exit code 2: a usage error here too.
    return error instanceof ChildExitedError && error.code === EXIT_USAGE ? EXIT_USAGE : EXIT_FAILED;
  } finally {
    shutdown.dispose();
  }
}
