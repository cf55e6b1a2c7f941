import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { REWARD_PROFILE_NAMES } from '@threadloom/rewards';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import {
  exitCodeOf,
  remoteApiOf,
  reportFailure,
  withRemoteOptions,
  type RemoteOptions,
} from '../remote/remote-options.js';
import { parseRolloutInput } from '../remote/rollout-input.js';
import type { BusyListener } from '../remote/retry-busy.js';
import {
  downloadRows,
  ROLLOUT_OUTPUTS,
  rolloutIdempotencyKey,
  runRollout,
  type RemoteRolloutView,
} from '../remote/rollout-run.js';
import { parseNonNegative, parsePositiveInt } from '../stack/option-parsers.js';
import { waitForShutdownSignal } from '../stack/shutdown-signal.js';

interface RolloutsOptions extends RemoteOptions {
  readonly k?: number;
  readonly rewardProfile?: string;
  readonly temperature?: number;
  readonly topP?: number;
  readonly seed?: number;
  readonly maxTokens?: number;
  readonly out?: string;
}

/** `threadloom rollouts FILE.jsonl`: RL rollout groups through the API, then their export rows as files. */
export function registerRolloutsCommand(program: Command): void {
  const command = program
    .command('rollouts')
    .description(
      'Run k sampled rollouts per problem (POST /v1/rollouts), follow the groups with a progress bar, then write the groups, packed and expanded rows.',
    )
    .argument('<file>', 'JSONL: one problem per line ({id?, problem|prompt|messages, answer|ground_truth})')
    .option('--k <n>', 'rollouts per problem (2-64; default the API’s, 8)', parsePositiveInt)
    .addOption(new Option('--reward-profile <name>', 'reward profile (default paper)').choices(REWARD_PROFILE_NAMES))
    .option('--temperature <t>', 'sampling temperature of every member', parseNonNegative)
    .option('--top-p <p>', 'nucleus sampling of every member', parseNonNegative)
    .option('--seed <n>', 'request seed of member 0; member j samples with seed + j (default random)', parseNonNegative)
    .option('--max-tokens <n>', 'token budget of every member', parsePositiveInt)
    .option(
      '--out <prefix>',
      'write <prefix>.groups.jsonl, .packed.jsonl and .expanded.jsonl (default: the input path without .jsonl, plus .rollouts)',
    );
  withRemoteOptions(command).action(async (file: string, options: RolloutsOptions) => {
    process.exitCode = await rollouts(file, options);
  });
}

async function rollouts(file: string, options: RolloutsOptions): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return reportFailure('rollouts', error, options.json, EXIT_USAGE);
  }
  const input = parseRolloutInput(text);
  if (!input.ok) {
    for (const issue of input.issues) process.stderr.write(`threadloom rollouts: ${file} ${issue}\n`);
    return reportFailure(
      'rollouts',
      new Error(`${input.issues.length} unusable line(s); nothing was sent`),
      options.json,
      EXIT_USAGE,
    );
  }
  const shutdown = waitForShutdownSignal();
  const interrupt = new AbortController();
  void shutdown.signal.then(() => interrupt.abort());
  const api = remoteApiOf(options);
  const settings = settingsOf(options);
  try {
    const view = await runRollout(api, input.problems, settings, {
      progress: !options.json,
      signal: interrupt.signal,
      idempotencyKey: rolloutIdempotencyKey(text, settings),
      onWait,
    });
    if (interrupt.signal.aborted) {
      process.stderr.write(
        `threadloom rollouts: interrupted; rollout ${view.id} keeps running (GET /v1/rollouts/${view.id})\n`,
      );
      return EXIT_INTERRUPTED;
    }
    const prefix = options.out ?? `${file.replace(/\.jsonl$/, '')}.rollouts`;
    const written: Record<string, number> = {};
    for (const format of ROLLOUT_OUTPUTS)
      written[format] = await downloadRows(api, view.id, format, `${prefix}.${format}.jsonl`, onWait);
    process.stdout.write(
      `${options.json ? JSON.stringify({ ...view, files: filesOf(prefix, written) }) : describe(view, prefix, written)}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    return reportFailure('rollouts', error, options.json, exitCodeOf(error));
  } finally {
    shutdown.dispose();
  }
}

const onWait: BusyListener = (error, seconds) =>
  process.stderr.write(`threadloom rollouts: ${error.answer.code} (${error.status}); waiting ${seconds} s\n`);

function settingsOf(options: RolloutsOptions): Record<string, unknown> {
  return {
    ...(options.k !== undefined && { k: options.k }),
    ...(options.rewardProfile !== undefined && { reward_profile: options.rewardProfile }),
    ...(options.temperature !== undefined && { temperature: options.temperature }),
    ...(options.topP !== undefined && { top_p: options.topP }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.maxTokens !== undefined && { max_tokens: options.maxTokens }),
  };
}

function filesOf(prefix: string, written: Readonly<Record<string, number>>) {
  return Object.fromEntries(
    Object.entries(written).map(([format, lines]) => [format, { path: `${prefix}.${format}.jsonl`, lines }]),
  );
}

function describe(view: RemoteRolloutView, prefix: string, written: Readonly<Record<string, number>>): string {
  const { metrics } = view;
  const fixed = (value: number | null, digits = 3) => (value === null ? '-' : value.toFixed(digits));
  return [
    `rollout ${view.id}: ${view.status}, ${view.group_counts.scored}/${view.group_counts.total} groups scored, k=${view.k}`,
    `  accuracy ${fixed(metrics.accuracy)} (${metrics.correct}/${metrics.scored}), mean reward ${fixed(metrics.mean_reward)}, mean η ${fixed(metrics.mean_acceleration)}`,
    ...ROLLOUT_OUTPUTS.map((format) => `  ${prefix}.${format}.jsonl: ${written[format] ?? 0} lines`),
  ].join('\n');
}
