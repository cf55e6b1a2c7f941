import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's standard security headers on every response (API JSON, docs, Bull Board, the timeline page).
 * Its default Content-Security-Policy fits Bull Board and Swagger UI (own scripts, inline styles, https
 * fonts); `upgrade-insecure-requests` is dropped because the API is often served over plain HTTP behind
 * a TLS-terminating ingress or on localhost, where upgrading its own assets would break the pages.
 * The timeline page sets its own stricter policy over this one.
 */
export function securityHeadersMiddleware(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
}
