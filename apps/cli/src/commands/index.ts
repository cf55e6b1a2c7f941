import type { Command } from 'commander';
import { registerBenchCommand } from './bench.command.js';
import { registerCancelCommand } from './cancel.command.js';
import { registerDemoCommand } from './demo.command.js';
import { registerGradeCommand } from './grade.command.js';
import { registerPackCommand } from './pack.command.js';
import { registerRewardCommand } from './reward.command.js';
import { registerRolloutsCommand } from './rollouts.command.js';
import { registerResultsCommand } from './results.command.js';
import { registerRunCommand } from './run.command.js';
import { registerSimCommand } from './sim.command.js';
import { registerStatusCommand } from './status.command.js';
import { registerSubmitCommand } from './submit.command.js';
import { registerUpCommand } from './up.command.js';
import { registerValidateCommand } from './validate.command.js';

/** A command module adds itself (options and action) to the program. */
type RegisterCommand = (program: Command) => void;

/** Every `threadloom` command, in help order. Each lives in its own `<name>.command.ts`. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerUpCommand,
  registerRunCommand,
  registerDemoCommand,
  registerSubmitCommand,
  registerStatusCommand,
  registerCancelCommand,
  registerResultsCommand,
  registerRolloutsCommand,
  registerValidateCommand,
  registerGradeCommand,
  registerRewardCommand,
  registerPackCommand,
  registerBenchCommand,
  registerSimCommand,
];
