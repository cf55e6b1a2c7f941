import type { ServerResponse } from 'node:http';

/** vLLM error types by status code. */
const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'BadRequestError',
  404: 'NotFoundError',
  405: 'MethodNotAllowed',
  500: 'InternalServerError',
  503: 'ServiceUnavailableError',
};

/** vLLM's error body: the flat `ErrorResponse` fields plus the nested `error` object newer vLLM sends. */
function errorBody(status: number, message: string, param: string | null = null): Record<string, unknown> {
  const type = ERROR_TYPES[status] ?? 'InternalServerError';
  return { object: 'error', message, type, param, code: status, error: { message, type, param, code: status } };
}

/** Writes a JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Writes a vLLM error response. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  param: string | null = null,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, errorBody(status, message, param), headers);
}
