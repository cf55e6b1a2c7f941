import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { MalformedBodyError } from '../errors/malformed-body.error.js';
import { PayloadTooLargeError } from '../errors/payload-too-large.error.js';
import { UnsupportedContentEncodingError } from '../errors/unsupported-content-encoding.error.js';
import { UnsupportedMediaTypeError } from '../errors/unsupported-media-type.error.js';
import { toErrorResponse } from '../filters/error-response.js';

/** Content types of JSON Lines uploads (batches). */
const JSONL_TYPES = ['application/jsonl', 'application/x-ndjson', 'application/json-lines', 'application/x-jsonlines'];
const ACCEPTED = ['application/json', ...JSONL_TYPES];
/** Content encodings body-parser decodes (zstd only where the Node build has it; not advertised). */
const ENCODINGS = ['identity', 'gzip', 'deflate', 'br'];

/** Size limits: the batch and rollout routes accept larger bodies than the rest. */
interface BodyLimits {
  readonly bodyBytes: number;
  readonly batchBodyBytes: number;
}

/**
 * Parses JSON and JSONL bodies. Parser failures are answered here through the shared error mapping,
 * because they happen before Nest routing: malformed JSON → 400, too large → 413, other types → 415.
 */
export function bodyParsingMiddleware(limits: BodyLimits): RequestHandler {
  const parsers = (limit: number) => [
    express.json({ limit, type: ['application/json', 'application/*+json'] }),
    express.text({ limit, type: JSONL_TYPES }),
  ];
  const regular = parsers(limits.bodyBytes);
  const batch = parsers(limits.batchBodyBytes);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next();
    if (!req.is(ACCEPTED) && !req.is('application/*+json'))
      return fail(res, new UnsupportedMediaTypeError(req.header('content-type') ?? 'none', ACCEPTED));
    const batchRoute = req.path === '/v1/batches' || req.path === '/v1/rollouts';
    const limit = batchRoute ? limits.batchBodyBytes : limits.bodyBytes;
    const [json, text] = batchRoute ? batch : regular;
    json!(req, res, (error?: unknown) => {
      if (error) return fail(res, parserError(error, limit, req));
      text!(req, res, (textError?: unknown) => (textError ? fail(res, parserError(textError, limit, req)) : next()));
    });
  };
}

function hasBody(req: Request): boolean {
  return req.header('transfer-encoding') !== undefined || Number(req.header('content-length') ?? 0) > 0;
}

function parserError(error: unknown, limit: number, req: Request): Error {
  const type = (error as { type?: string }).type;
  const encoding = req.header('content-encoding')?.trim().toLowerCase() ?? 'identity';
  if (type === 'entity.too.large') return new PayloadTooLargeError(limit);
  if (type === 'encoding.unsupported') return new UnsupportedContentEncodingError(encoding, ENCODINGS);
  if (type === 'charset.unsupported')
    return new UnsupportedMediaTypeError(req.header('content-type') ?? 'none', ACCEPTED);
  if (type === 'entity.parse.failed') return new MalformedBodyError('invalid JSON');
  if (encoding !== 'identity') return new MalformedBodyError(`the body is not valid ${encoding} data`);
  return new MalformedBodyError('unreadable body');
}

function fail(res: Response, error: Error): void {
  const answer = toErrorResponse(error);
  res.status(answer.status).set(answer.headers).json(answer.body);
}
