import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '../common/logging/request-context.js';
import type { MetricsService } from './metrics.service.js';

/** Express middleware: one access-log line and HTTP metrics per request, when the response finishes. */
export function httpObserverMiddleware(metrics: MetricsService) {
  const logger = new Logger('Http');
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    const context = requestContext.getStore();
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = routeLabel(req);
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
      logger.log({
        msg: 'request',
        method: req.method,
        path: req.originalUrl.split('?')[0],
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1000),
        tenant: context?.tenant,
        requestId: context?.requestId,
      });
    });
    next();
  };
}

function routeLabel(req: Request): string {
  const path = (req.route as { path?: string } | undefined)?.path;
  if (path) return `${req.baseUrl}${path}`;
  if (req.originalUrl.startsWith('/admin/queues')) return '/admin/queues';
  return req.originalUrl.startsWith('/ui') ? '/ui' : 'unmatched';
}
