import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { EXIT_USAGE } from './exit-codes.js';

/** Builds the `threadloom` program with every registered command. */
export function buildProgram(): Command {
  const program = new Command('threadloom')
    .description('Serve and study parallel-reasoning (ThreadWeaver) language models.')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Parses argv and runs the command. Returns the process exit code; usage errors give 2. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      return helpShown ? 0 : EXIT_USAGE;
    }
    throw error;
  }
}
