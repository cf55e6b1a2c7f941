import type { Command } from 'commander';
import { registerUpCommand } from './up.command.js';

/** A command module adds itself (options and action) to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every `threadloom` command, in help order. Each lives in its own `<name>.command.ts`. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerUpCommand,
];
