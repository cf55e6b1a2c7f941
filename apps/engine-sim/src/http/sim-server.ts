import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleCompletions } from './completions.handler.js';
import { sendError, sendJson } from './error-response.js';
import type { SimContext } from './sim-context.js';
import { handleDetokenize, handleTokenize } from './tokenize.handler.js';

type Handler = (ctx: SimContext, req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

const ROUTES: Readonly<Record<string, Handler>> = {
  'POST /v1/completions': handleCompletions,
  'POST /tokenize': handleTokenize,
  'POST /detokenize': handleDetokenize,
  'GET /v1/models': models,
  'GET /health': (_ctx, _req, res) => {
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  },
  'GET /metrics': metrics,
};

/** An HTTP server for one simulator instance; handler failures become 500s, never crashes. */
export function createSimServer(ctx: SimContext): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    if (ctx.options.enableRequestIdHeaders) res.setHeader('x-request-id', requestIdOf(req));
    if (!ctx.apiKey.allows(method, path, req.headers)) return sendJson(res, 401, { error: 'Unauthorized' });
    const handler = ROUTES[`${method} ${path}`];
    if (!handler) {
      const known = Object.keys(ROUTES).some((k) => k.endsWith(` ${path}`));
      return known ? sendError(res, 405, 'Method Not Allowed') : sendError(res, 404, `Not Found: ${path}`);
    }
    Promise.resolve(handler(ctx, req, res)).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `Internal error: ${(error as Error).message}`);
      else res.destroy();
    });
  });
}

/** The caller's `X-Request-Id`, or a fresh hex id (vLLM's XRequestIdMiddleware). */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return (Array.isArray(given) ? given[0] : given) ?? randomUUID().replaceAll('-', '');
}

function models(ctx: SimContext, _req: IncomingMessage, res: ServerResponse): void {
  const { model, maxModelLen } = ctx.options;
  const card = {
    id: model,
    object: 'model',
    created: ctx.startedAt,
    owned_by: 'vllm',
    root: model,
    parent: null,
    max_model_len: maxModelLen,
    permission: [],
  };
  sendJson(res, 200, { object: 'list', data: [card] });
}

async function metrics(ctx: SimContext, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await ctx.engine.metrics.registry.metrics();
  res.writeHead(200, { 'content-type': ctx.engine.metrics.registry.contentType });
  res.end(text);
}
