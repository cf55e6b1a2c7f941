import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  computeMetrics,
  createCharsTokenizer,
  loadQwen3Tokenizer,
  parseTrajectory,
  validateFormat,
  type Tokenizer,
  type TrajectoryMetrics,
  type ValidationMode,
} from '@threadloom/threading';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.js';

/** Tokenizers the CLI can count with. */
export const TOKENIZER_NAMES = ['qwen3', 'chars'] as const;
/** One of {@link TOKENIZER_NAMES}. */
export type TokenizerName = (typeof TOKENIZER_NAMES)[number];

/** Issue code of a file the CLI could not read (reported per file, never a crash). */
export const UNREADABLE_FILE = 'unreadable_file';

/** What `validate` needs from the outside world; tests inject their own. */
export interface ValidateIo {
  readonly write: (line: string) => void;
  readonly readText: (file: string) => Promise<string>;
}

/** Options of {@link validateFiles}. */
interface ValidateFilesOptions {
  readonly mode: ValidationMode;
  readonly tokenizer: TokenizerName;
}

/** The JSON line printed per file. */
export interface ValidateLine {
  readonly file: string;
  readonly ok: boolean;
  /** `tag` names the offending tag when the issue is about one (e.g. `foreign_tag`). */
  readonly issues: readonly { code: string; message: string; offset: number; tag?: string }[];
  readonly metrics: PrintedMetrics | null;
}

/** The figures of a response's metrics a line prints, in this order. */
const PRINTED_METRICS = [
  'totalTokens',
  'criticalPathTokens',
  'acceleration',
  'parallelRatio',
  'blocks',
  'threadsPerBlock',
] as const satisfies readonly (keyof TrajectoryMetrics)[];
type PrintedMetrics = Pick<TrajectoryMetrics, (typeof PRINTED_METRICS)[number]>;

/** Reads a file, or stdin for `-`. */
export async function readTextOrStdin(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

const PROCESS_IO: ValidateIo = {
  write: (line) => process.stdout.write(`${line}\n`),
  readText: readTextOrStdin,
};

/** Loads the named tokenizer. */
export async function loadTokenizer(name: TokenizerName): Promise<Tokenizer> {
  return name === 'qwen3' ? loadQwen3Tokenizer() : createCharsTokenizer();
}

/** Validates one response text and measures it. */
function validateText(file: string, text: string, mode: ValidationMode, tokenizer: Tokenizer): ValidateLine {
  const parsed = parseTrajectory(text);
  const validation = validateFormat(parsed, { mode });
  const m = computeMetrics(text, { tokenizer });
  return {
    file,
    ok: validation.ok,
    issues: validation.issues.map((issue) => ({
      code: issue.code,
      message: `${issue.rule}: ${issue.message}`,
      offset: issue.offset,
      ...(issue.tag === undefined ? {} : { tag: issue.tag }),
    })),
    metrics: Object.fromEntries(PRINTED_METRICS.map((key) => [key, m[key]])) as PrintedMetrics,
  };
}

/** Validates every file, writing one JSON line each; returns the exit code (0 all ok, 1 otherwise). */
export async function validateFiles(
  files: readonly string[],
  options: ValidateFilesOptions,
  io: ValidateIo = PROCESS_IO,
): Promise<number> {
  const tokenizer = await loadTokenizer(options.tokenizer);
  let allOk = true;
  for (const file of files) {
    let line: ValidateLine;
    try {
      line = validateText(file, await io.readText(file), options.mode, tokenizer);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      line = {
        file,
        ok: false,
        issues: [{ code: UNREADABLE_FILE, message: `Cannot read the file: ${reason}`, offset: 0 }],
        metrics: null,
      };
    }
    allOk &&= line.ok;
    io.write(JSON.stringify(line));
  }
  return allOk ? EXIT_OK : EXIT_FAILED;
}

interface ValidateCliOptions {
  readonly strict?: boolean;
  readonly lenient?: boolean;
  readonly tokenizer: TokenizerName;
}

/** `threadloom validate [--strict|--lenient] [--tokenizer qwen3|chars] FILE...` */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description(
      'Check model responses against the ThreadWeaver format and print one JSON line of issues and token metrics per file.',
    )
    .argument('<files...>', 'response files (the text after the chat prompt); "-" reads stdin')
    .addOption(new Option('--strict', 'reference rules of spec §3.3 (default)'))
    .addOption(
      new Option(
        '--lenient',
        'tolerate <think>-family and foreign (<b>) tags inside blocks and a truncated last block',
      ).conflicts('strict'),
    )
    .addOption(
      new Option('--tokenizer <name>', 'token counter for the metrics').choices(TOKENIZER_NAMES).default('qwen3'),
    )
    .addHelpText(
      'after',
      '\nOutput: one JSON line per file {"file","ok","issues":[{"code","message","offset","tag"?}],"metrics":{…}}.\nExit status: 0 every file ok, 1 any file not ok (or unreadable), 2 usage error.',
    )
    .action(async (files: string[], options: ValidateCliOptions) => {
      process.exitCode = await validateFiles(files, {
        mode: options.lenient ? 'lenient' : 'strict',
        tokenizer: options.tokenizer,
      });
    });
}
