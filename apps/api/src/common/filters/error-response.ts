import { HttpException } from '@nestjs/common';
import { IdempotencyConflictError } from '@threadloom/contracts';
import { AdminUiDisabledError } from '../errors/admin-ui-disabled.error.js';
import { BacklogFullError } from '../errors/backlog-full.error.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import { MalformedBodyError } from '../errors/malformed-body.error.js';
import { PayloadTooLargeError } from '../errors/payload-too-large.error.js';
import { ReasoningNotCompletedError } from '../errors/reasoning-not-completed.error.js';
import { RateLimitedError } from '../errors/rate-limited.error.js';
import { ResourceNotFoundError } from '../errors/resource-not-found.error.js';
import { UnauthenticatedError } from '../errors/unauthenticated.error.js';
import { UnsupportedContentEncodingError } from '../errors/unsupported-content-encoding.error.js';
import { UnsupportedMediaTypeError } from '../errors/unsupported-media-type.error.js';
import { ResultWaitTimeoutError } from '../errors/wait-timeout.error.js';
import { isRuntimeUnavailable } from '../errors/runtime-unavailable.error.js';
import { TooManyStreamsError } from '../errors/too-many-streams.error.js';
import { ShuttingDownError } from '../errors/shutting-down.error.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';

/** The JSON error envelope (OpenAI-style, so SDK clients surface it). */
interface ErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly code: string;
    readonly param: string | null;
    readonly issues?: readonly { field: string; rule: string; message: string }[];
  };
}

/** How one error is answered: status, extra headers, body. */
interface ErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorBody;
}

const body = (message: string, type: string, code: string, param: string | null = null): ErrorBody => ({
  error: { message, type, code, param },
});

/** Maps every error the API can raise to its HTTP answer; the single source of truth for status codes. */
export function toErrorResponse(error: unknown): ErrorResponse {
  const refused = refusedRequest(error);
  if (refused) return refused;
  if (error instanceof BacklogFullError) return retryLater(error.message, 'backlog_full', error.retryAfterSeconds);
  if (error instanceof RateLimitedError) return retryLater(error.message, 'rate_limited', error.retryAfterSeconds);
  if (error instanceof TooManyStreamsError)
    return retryLater(error.message, 'too_many_streams', error.retryAfterSeconds);
  if (error instanceof ReasoningNotCompletedError) {
    const status = error.status === 'cancelled' ? 409 : error.status === 'expired' ? 504 : 502;
    return {
      status,
      headers: {},
      body: body(error.message, status === 409 ? 'invalid_request_error' : 'server_error', `request_${error.status}`),
    };
  }
  if (error instanceof ResultWaitTimeoutError)
    return { status: 504, headers: {}, body: body(error.message, 'server_error', 'result_timeout') };
  if (error instanceof ShuttingDownError)
    return { status: 503, headers: { 'Retry-After': '1' }, body: body(error.message, 'server_error', 'shutting_down') };
  if (error instanceof HttpException) return fromHttpException(error);
  if (isRuntimeUnavailable(error))
    return {
      status: 503,
      headers: { 'Retry-After': '5' },
      body: body('The queue backend is unreachable; retry shortly.', 'server_error', 'runtime_unavailable'),
    };
  return { status: 500, headers: {}, body: body('Internal server error.', 'server_error', 'internal_error') };
}

/** The caller's request itself is refused (4xx other than throttling); undefined for other errors. */
function refusedRequest(error: unknown): ErrorResponse | undefined {
  if (error instanceof ValidationFailedError) {
    const first = error.issues[0];
    return {
      status: 400,
      headers: {},
      body: {
        error: {
          ...body(error.message, 'invalid_request_error', 'validation_failed', first?.field ?? null).error,
          issues: error.issues,
        },
      },
    };
  }
  if (error instanceof MalformedBodyError)
    return { status: 400, headers: {}, body: body(error.message, 'invalid_request_error', 'malformed_body') };
  if (error instanceof UnauthenticatedError)
    return {
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer' },
      body: body(error.message, 'authentication_error', 'invalid_api_key'),
    };
  if (error instanceof ForbiddenError)
    return { status: 403, headers: {}, body: body(error.message, 'permission_error', 'missing_scope') };
  if (error instanceof AdminUiDisabledError)
    return { status: 403, headers: {}, body: body(error.message, 'permission_error', 'admin_ui_disabled') };
  if (error instanceof ResourceNotFoundError)
    return { status: 404, headers: {}, body: body(error.message, 'not_found_error', 'not_found') };
  if (error instanceof IdempotencyConflictError) {
    return {
      status: 409,
      headers: {},
      body: body(error.message, 'invalid_request_error', 'idempotency_conflict', 'Idempotency-Key'),
    };
  }
  if (error instanceof PayloadTooLargeError)
    return { status: 413, headers: {}, body: body(error.message, 'invalid_request_error', 'payload_too_large') };
  if (error instanceof UnsupportedMediaTypeError)
    return { status: 415, headers: {}, body: body(error.message, 'invalid_request_error', 'unsupported_media_type') };
  if (error instanceof UnsupportedContentEncodingError)
    return {
      status: 415,
      headers: { 'Accept-Encoding': error.accepted.join(', ') },
      body: body(error.message, 'invalid_request_error', 'unsupported_content_encoding', 'Content-Encoding'),
    };
  return undefined;
}

function retryLater(message: string, code: string, seconds: number): ErrorResponse {
  return { status: 429, headers: { 'Retry-After': String(seconds) }, body: body(message, 'rate_limit_error', code) };
}

function fromHttpException(error: HttpException): ErrorResponse {
  const status = error.getStatus();
  const code = status === 404 ? 'not_found' : `http_${status}`;
  const type = status === 404 ? 'not_found_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { status, headers: {}, body: body(error.message, type, code) };
}
