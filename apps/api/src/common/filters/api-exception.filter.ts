import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorResponse } from './error-response.js';

/** The one place where errors become HTTP responses (see {@link toErrorResponse}). */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (callerLeft(response, error)) {
      // The caller disconnected (its abort ended the wait or stream): nothing to answer, nothing went wrong.
      this.logger.debug({ msg: 'client disconnected before the response', path: response.req.path });
      if (!response.writableEnded) response.end();
      return;
    }
    const answer = toErrorResponse(error);
    if (answer.status === 500) this.logger.error({ msg: 'unhandled error', error: describe(error) });
    else if (answer.status === 503) this.logger.warn({ msg: 'runtime unavailable', error: describe(error) });
    if (response.headersSent) {
      // A stream (SSE, JSONL) already started: all we can do is end it.
      response.end();
      return;
    }
    response.status(answer.status).set(answer.headers).json(answer.body);
  }
}

function callerLeft(response: Response, error: unknown): boolean {
  const aborted = error instanceof Error && error.name === 'AbortError';
  return aborted && (response.destroyed || response.req.destroyed);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
