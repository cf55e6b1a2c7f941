import { Option, type Command } from 'commander';
import { EXIT_FAILED, EXIT_REFUSED, EXIT_UNAVAILABLE } from '../exit-codes.js';
import { urlParser } from '../stack/option-parsers.js';
import { ApiCallError } from './api-call.error.js';
import { RemoteApi } from './remote-api.js';

/** Where `threadloom up` serves the API by default. */
const DEFAULT_API_URL = 'http://127.0.0.1:8080';

/** The options every command that talks to an API takes. */
export interface RemoteOptions {
  readonly apiUrl: string;
  readonly apiKey?: string;
  readonly json: boolean;
}

/** Adds `--api-url`, `--api-key` (with their environment variables) and `--json`. */
export function withRemoteOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--api-url <url>', 'the threadloom API')
        .env('THREADLOOM_API_URL')
        .default(DEFAULT_API_URL)
        .argParser(urlParser(['http:', 'https:'])),
    )
    .addOption(new Option('--api-key <key>', 'API key (Authorization: Bearer)').env('THREADLOOM_API_KEY'))
    .option('--json', 'print one JSON object for scripts', false);
}

/** The API the options point at. */
export const remoteApiOf = (options: RemoteOptions): RemoteApi => new RemoteApi(options.apiUrl, options.apiKey);

/** Exit code of a command stopped by `error`; a 404 on the id a command was given is a failed check, not an outage. */
export function exitCodeOf(error: unknown, notFoundFails = false): number {
  if (error instanceof ApiCallError && (error.status === 401 || error.status === 403)) return EXIT_REFUSED;
  if (notFoundFails && error instanceof ApiCallError && error.status === 404) return EXIT_FAILED;
  return EXIT_UNAVAILABLE;
}

/** Reports an error that stopped a command: a message on stderr, and with `--json` an error object on stdout. */
export function reportFailure(command: string, error: unknown, json: boolean, exitCode: number): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`threadloom ${command}: ${message}\n`);
  if (json) {
    const answer = error instanceof ApiCallError ? { status: error.status, code: error.answer.code } : {};
    process.stdout.write(`${JSON.stringify({ error: { message, exit_code: exitCode, ...answer } })}\n`);
  }
  return exitCode;
}
