import type { LoggerService, LogLevel } from '@nestjs/common';
import { requestContext } from './request-context.js';

/** Configured verbosity; `silent` writes nothing (tests). */
type LogThreshold = 'silent' | 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<LogThreshold, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };
type Line = 'error' | 'warn' | 'info' | 'debug';

/** Writes one JSON object per line to stdout, with the request id when inside a request. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly threshold: LogThreshold,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  setLogLevels(_levels: LogLevel[]): void {
    // The threshold comes from configuration only.
  }

  private emit(level: Line, message: unknown, rest: unknown[]): void {
    if (RANK[level] > RANK[this.threshold]) return;
    // Nest passes the context (logger name) as the last string argument.
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const fields = toFields(message);
    const requestId = requestContext.getStore()?.requestId;
    const record = {
      time: new Date().toISOString(),
      level,
      ...(context ? { context } : {}),
      ...(requestId ? { requestId } : {}),
      ...fields,
    };
    this.write(`${JSON.stringify(record)}\n`);
  }
}

function toFields(message: unknown): Record<string, unknown> {
  if (message instanceof Error) {
    const cause = message.cause instanceof Error ? { cause: `${message.cause.name}: ${message.cause.message}` } : {};
    return { msg: message.message, error: message.name, ...cause, stack: message.stack };
  }
  return typeof message === 'object' && message !== null
    ? (message as Record<string, unknown>)
    : { msg: String(message) };
}
