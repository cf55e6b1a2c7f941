import { Option, type Command } from 'commander';
import type { Tokenizer } from '@threadloom/threading';
import {
  isRewardProfileName,
  REWARD_PROFILE_NAMES,
  REWARD_PROFILES,
  scoreResponse,
  type RewardProfileName,
} from '@threadloom/rewards';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.js';
import { loadTokenizer, readTextOrStdin, TOKENIZER_NAMES, type TokenizerName } from './validate.command.js';

/** What `reward` needs from the outside world; tests inject their own. */
export interface RewardIo {
  readonly write: (line: string) => void;
  readonly readText: (file: string) => Promise<string>;
}

/** Options of {@link rewardFiles}. */
interface RewardFilesOptions {
  readonly profile: RewardProfileName;
  readonly truths: readonly string[];
  readonly tokenizer: TokenizerName | Tokenizer;
  /** The prompt text; counted into η only by profiles with `countPromptTokens` (reference-code). */
  readonly prompt?: string;
  readonly afterThink?: boolean;
}

/** The JSON line printed per response file. */
interface RewardLine {
  readonly file: string;
  readonly profile: RewardProfileName;
  readonly answer: string | null;
  readonly correct: boolean;
  readonly reason: string;
  readonly eta: number;
  readonly totalTokens: number;
  readonly criticalPathTokens: number;
  readonly promptTokens: number;
  readonly correctnessReward: number;
  readonly accelerationReward: number;
  readonly reward: number;
}

const PROCESS_IO: RewardIo = { write: (line) => process.stdout.write(`${line}\n`), readText: readTextOrStdin };

/** Scores one response text under a profile. */
function rewardText(file: string, text: string, options: RewardFilesOptions, tokenizer: Tokenizer): RewardLine {
  const scored = scoreResponse(text, options.truths, {
    config: REWARD_PROFILES[options.profile],
    tokenizer,
    ...(options.prompt === undefined ? {} : { prompt: options.prompt }),
    ...(options.afterThink === true ? { extract: { afterThinkOnly: true } } : {}),
  });
  return {
    file,
    profile: options.profile,
    answer: scored.answer ?? null,
    correct: scored.correct,
    reason: scored.reason,
    eta: scored.acceleration,
    totalTokens: scored.metrics.totalTokens,
    criticalPathTokens: scored.metrics.criticalPathTokens,
    promptTokens: scored.promptTokens,
    correctnessReward: scored.correctnessReward,
    accelerationReward: scored.accelerationReward,
    reward: scored.reward,
  };
}

/** Scores every response file, one JSON line each; exit 0, or 1 when a file cannot be read (reported on its line). */
export async function rewardFiles(
  files: readonly string[],
  options: RewardFilesOptions,
  io: RewardIo = PROCESS_IO,
): Promise<number> {
  const tokenizer = typeof options.tokenizer === 'string' ? await loadTokenizer(options.tokenizer) : options.tokenizer;
  let exit = EXIT_OK;
  for (const file of files) {
    try {
      io.write(JSON.stringify(rewardText(file, await io.readText(file), options, tokenizer)));
    } catch (error) {
      io.write(
        JSON.stringify({
          file,
          error: `cannot read the file: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
      exit = EXIT_FAILED;
    }
  }
  return exit;
}

async function readPrompt(file: string, command: Command): Promise<string> {
  try {
    return await readTextOrStdin(file);
  } catch (error) {
    return command.error(
      `error: cannot read the prompt file ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

interface RewardCliOptions {
  readonly profile: string;
  readonly truth: string[];
  readonly tokenizer: TokenizerName;
  readonly promptFile?: string;
  readonly afterThink?: boolean;
}

/** `threadloom reward --profile paper|reference-code --truth T [--prompt-file F] FILE...` */
export function registerRewardCommand(program: Command): void {
  program
    .command('reward')
    .description(
      'Print correctness, η and the reward of response files under a reward profile (one JSON line per file).',
    )
    .argument('<files...>', 'response files; "-" reads stdin')
    .addOption(new Option('--profile <name>', 'reward profile').choices(REWARD_PROFILE_NAMES).default('paper'))
    .addOption(
      new Option('--truth <latex>', 'a ground truth; repeat for alternatives')
        .argParser((v: string, prev: string[]) => [...prev, v])
        .default([]),
    )
    .addOption(new Option('--tokenizer <name>', 'token counter for η').choices(TOKENIZER_NAMES).default('qwen3'))
    .option('--prompt-file <file>', 'the prompt, counted into η by the reference-code profile')
    .option('--after-think', 'grade only the text after </think>')
    .action(async (files: string[], options: RewardCliOptions, command: Command) => {
      if (options.truth.length === 0) command.error("error: required option '--truth <latex>' not specified");
      if (!isRewardProfileName(options.profile)) command.error(`error: unknown profile ${options.profile}`);
      const profile = options.profile;
      const prompt = options.promptFile === undefined ? undefined : await readPrompt(options.promptFile, command);
      process.exitCode = await rewardFiles(files, {
        profile,
        truths: options.truth,
        tokenizer: options.tokenizer,
        afterThink: options.afterThink === true,
        ...(prompt === undefined ? {} : { prompt }),
      });
    });
}
