import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Methods the API routes use; announced on preflights. */
const METHODS = ['GET', 'POST', 'DELETE', 'OPTIONS'];
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Content-Encoding', 'Idempotency-Key', 'Last-Event-ID'];
const EXPOSED_HEADERS = ['Location', 'Retry-After', 'X-Request-Id'];

/**
 * CORS from an explicit allow-list (empty: no cross-origin access, no CORS headers). `OPTIONS` is answered
 * here for every path, 204 with `Allow`, so preflights never reach routing (where they would 404); a
 * preflight from an origin not on the list gets no `Access-Control-Allow-Origin`, which the browser refuses.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const withCors =
    allowed.size === 0
      ? undefined
      : cors({
          origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
          methods: METHODS,
          allowedHeaders: ALLOWED_HEADERS,
          exposedHeaders: EXPOSED_HEADERS,
          maxAge: 600,
          optionsSuccessStatus: 204,
        });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') res.setHeader('Allow', METHODS.join(', '));
    if (withCors) return withCors(req, res, next);
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  };
}
