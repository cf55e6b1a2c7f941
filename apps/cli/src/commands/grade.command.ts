import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import {
  extractBoxedAnswer,
  grade,
  GRADING_PROFILES,
  type GradeReason,
  type GradingProfile,
} from '@threadloom/rewards';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/** What `grade` needs from the outside world; tests inject their own. */
export interface GradeIo {
  readonly write: (line: string) => void;
  /** Diagnostics (stderr). */
  readonly writeError: (line: string) => void;
  /** The lines of a file, or of stdin for `-`. */
  readonly readLines: (file: string) => AsyncIterable<string> | Iterable<string>;
}

/** Options of a JSONL grading run. */
interface GradeFileOptions {
  /** `answer` is a whole response: grade its last `\boxed{}`. */
  readonly extract: boolean;
  /** With `extract`, only the text after `</think>` counts. */
  readonly afterThink: boolean;
  readonly timeLimitMs?: number;
  /** Equivalence rules (default `threadloom`; `reference-code` as the public reference grader). */
  readonly profile?: GradingProfile;
}

/** The JSON line printed per graded input line. */
interface GradeLine {
  readonly id: unknown;
  readonly correct: boolean;
  readonly reason: GradeReason;
}

/** The JSON line printed for a malformed input line. */
interface GradeErrorLine {
  readonly id: unknown;
  readonly line: number;
  readonly error: string;
}

/** One valid input line. */
interface GradeInput {
  readonly id: unknown;
  readonly answer: string | undefined;
  readonly truth: string | readonly string[];
}

/** The result of parsing an input line; a malformed line keeps its `id` when it has one. */
type ParsedGradeInput =
  | { readonly ok: true; readonly value: GradeInput }
  | { readonly ok: false; readonly id: unknown; readonly issues: readonly string[] };

function readLinesFromFile(file: string): AsyncIterable<string> {
  return createInterface({ input: file === '-' ? process.stdin : createReadStream(file, 'utf8'), crlfDelay: Infinity });
}

const PROCESS_IO: GradeIo = {
  write: (line) => process.stdout.write(`${line}\n`),
  writeError: (line) => process.stderr.write(`${line}\n`),
  readLines: readLinesFromFile,
};

function isTruth(value: unknown): value is string | string[] {
  if (typeof value === 'string') return true;
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
}

/** Parses one JSONL input line `{"id", "answer", "truth"}`; never throws. */
export function parseGradeInput(text: string): ParsedGradeInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: null, issues: ['not valid JSON'] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, id: null, issues: ['expected a JSON object'] };
  const record = value as Record<string, unknown>;
  const id = record['id'] ?? null;
  const answer = record['answer'];
  const issues: string[] = [];
  if (answer !== null && answer !== undefined && typeof answer !== 'string')
    issues.push('"answer" must be a string or null');
  if (!isTruth(record['truth'])) issues.push('"truth" must be a string or a non-empty list of strings');
  if (issues.length > 0 || !isTruth(record['truth'])) return { ok: false, id, issues };
  return { ok: true, value: { id, answer: typeof answer === 'string' ? answer : undefined, truth: record['truth'] } };
}

/** Grades one parsed input. */
function gradeInput(input: GradeInput, options: GradeFileOptions): GradeLine {
  const answer =
    options.extract && input.answer !== undefined
      ? extractBoxedAnswer(input.answer, { afterThinkOnly: options.afterThink })
      : input.answer;
  const result = grade(answer, input.truth, {
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
  });
  return { id: input.id, correct: result.correct, reason: result.reason };
}

/**
 * Grades a JSONL file, one output line per non-blank input line, in input order; malformed lines get an
 * `error` line. Exit 0, or 2 (usage) when the file cannot be read at all.
 */
export async function gradeFile(file: string, options: GradeFileOptions, io: GradeIo = PROCESS_IO): Promise<number> {
  let lineNumber = 0;
  try {
    for await (const text of io.readLines(file)) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      const parsed = parseGradeInput(text);
      const out: GradeLine | GradeErrorLine = parsed.ok
        ? gradeInput(parsed.value, options)
        : { id: parsed.id, line: lineNumber, error: parsed.issues.join('; ') };
      io.write(JSON.stringify(out));
    }
  } catch (error) {
    io.writeError(`error: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

/** Grades one answer against its truths and prints `{"correct", "reason"}`. */
export function gradeOne(
  answer: string,
  truths: readonly string[],
  options: GradeFileOptions,
  io: Pick<GradeIo, 'write'> = PROCESS_IO,
): number {
  const line = gradeInput({ id: null, answer, truth: truths }, options);
  io.write(JSON.stringify({ correct: line.correct, reason: line.reason }));
  return EXIT_OK;
}

interface GradeCliOptions {
  readonly answer?: string;
  readonly truth: string[];
  readonly input?: string;
  readonly extract?: boolean;
  readonly afterThink?: boolean;
  readonly timeLimit?: number;
  readonly profile?: GradingProfile;
}

function parsePositiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`not a positive number: ${value}`);
  return parsed;
}

/** `threadloom grade --answer A --truth T [--truth T2]` or `threadloom grade --input FILE [--extract]`. */
export function registerGradeCommand(program: Command): void {
  program
    .command('grade')
    .description('Grade answers against ground truths (math equivalence); prints JSON.')
    .addOption(new Option('--answer <latex>', 'one answer to grade (with --truth)').conflicts('input'))
    .addOption(
      new Option('--truth <latex>', 'a ground truth; repeat for alternatives')
        .argParser((v: string, prev: string[]) => [...prev, v])
        .default([]),
    )
    .addOption(new Option('--input <file>', 'JSONL lines {"id", "answer", "truth"}; "-" reads stdin'))
    .option('--extract', 'answers are whole responses: grade the last \\boxed{}')
    .option('--after-think', 'with --extract, only the text after </think> counts')
    .addOption(
      new Option('--time-limit <ms>', 'hard cap per grade in milliseconds (default 100)').argParser(
        parsePositiveNumber,
      ),
    )
    .addOption(
      new Option('--profile <name>', 'equivalence rules: threadloom (default) or reference-code').choices(
        Object.values(GRADING_PROFILES),
      ),
    )
    .action(async (options: GradeCliOptions, command: Command) => {
      const fileOptions: GradeFileOptions = {
        extract: options.extract === true,
        afterThink: options.afterThink === true,
        ...(options.timeLimit === undefined ? {} : { timeLimitMs: options.timeLimit }),
        ...(options.profile === undefined ? {} : { profile: options.profile }),
      };
      if (options.input !== undefined) {
        process.exitCode = await gradeFile(options.input, fileOptions);
        return;
      }
      if (options.answer === undefined || options.truth.length === 0)
        command.error('error: give --answer with --truth, or --input FILE');
      process.exitCode = gradeOne(options.answer ?? '', options.truth, fileOptions);
    });
}
