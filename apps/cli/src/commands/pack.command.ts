import { Option, type Command } from 'commander';
import {
  createCharsEncoder,
  LABEL_MODES,
  loadQwen3Encoder,
  packTrajectory,
  type LabelMode,
  type TokenEncoder,
} from '@threadloom/threading';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.js';
import { readPackInputs } from '../packing/pack-inputs.js';
import { failedPackLine, packedLine } from '../packing/packed-line.js';
import { readTextOrStdin, TOKENIZER_NAMES, UNREADABLE_FILE, type TokenizerName } from './validate.command.js';

/** What `pack` needs from the outside world; tests inject their own. */
export interface PackIo {
  readonly write: (line: string) => void;
  readonly readText: (file: string) => Promise<string>;
}

/** Options of {@link packFiles}. */
interface PackFilesOptions {
  readonly tokenizer: TokenizerName;
  readonly labels: LabelMode;
}

const PROCESS_IO: PackIo = { write: (line) => process.stdout.write(`${line}\n`), readText: readTextOrStdin };

/** Loads the named token encoder. */
async function loadEncoder(name: TokenizerName): Promise<TokenEncoder> {
  return name === 'qwen3' ? loadQwen3Encoder() : createCharsEncoder();
}

/** Packs every input of every file, one JSON line each; returns the exit code (0 all packed, 1 otherwise). */
export async function packFiles(files: readonly string[], options: PackFilesOptions, io: PackIo = PROCESS_IO) {
  const encoder = await loadEncoder(options.tokenizer);
  let allOk = true;
  for (const file of files) {
    let text: string;
    try {
      text = await io.readText(file);
    } catch (error) {
      allOk = false;
      const message = `Cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
      io.write(JSON.stringify({ source: file, ok: false, issues: [{ code: UNREADABLE_FILE, message }] }));
      continue;
    }
    for (const entry of readPackInputs(file, text)) {
      const { source } = entry;
      if (!('input' in entry)) {
        allOk = false;
        io.write(JSON.stringify({ source, ok: false, issues: [{ code: 'unreadable_line', message: entry.reason }] }));
        continue;
      }
      const result = packTrajectory(entry.input, { encoder, labels: options.labels });
      allOk &&= result.ok;
      io.write(
        JSON.stringify(
          result.ok ? packedLine(source, encoder.name, result.value) : failedPackLine(source, result.issues),
        ),
      );
    }
  }
  return allOk ? EXIT_OK : EXIT_FAILED;
}

interface PackCliOptions {
  readonly tokenizer: TokenizerName;
  readonly labels: LabelMode;
}

/** `threadloom pack [--tokenizer qwen3|chars] [--labels own-unit|reference] FILE...` */
export function registerPackCommand(program: Command): void {
  program
    .command('pack')
    .description('Pack trajectories into prefix-tree training rows (spec §5): one JSON line per response.')
    .argument(
      '<files...>',
      'response files, or .jsonl files of {"response", "problem"|"prompt"} lines; "-" reads stdin',
    )
    .addOption(new Option('--tokenizer <name>', 'token ids to pack').choices(TOKENIZER_NAMES).default('qwen3'))
    .addOption(
      new Option('--labels <mode>', 'own-unit: next token of the own unit; reference: flattened neighbour (spec §5.5)')
        .choices(LABEL_MODES)
        .default('own-unit'),
    )
    .addHelpText(
      'after',
      '\nOutput: one JSON line per input {"source","ok","tokenizer","units","prompt_tokens","input_ids","position_ids",' +
        '"parent","tin","tout","labels","loss_mask"}; i attends j iff tin[j] <= tin[i] <= tout[j]; labels are\n' +
        'already shifted (labels[i] is the target of position i, -100 = no loss).\n' +
        'Exit status: 0 every input packed, 1 any input not packed (or unreadable), 2 usage error.',
    )
    .action(async (files: string[], options: PackCliOptions) => {
      process.exitCode = await packFiles(files, options);
    });
}
