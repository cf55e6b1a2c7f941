import { resolve } from 'node:path';
import express, { type RequestHandler } from 'express';

/** Where the page is served. */
export const UI_PATH = '/ui';

/** The static files, `apps/api/ui` (the same from `src/ui` under tests and `dist/ui` in production). */
const UI_DIR = resolve(import.meta.dirname, '../../ui');

// Own scripts and styles only; the page talks to this API alone. Inline SVG styles need 'unsafe-inline'
// for style attributes (colour per machine).
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The timeline page: static HTML, CSS and ES modules, public like the API docs (they hold no data; every
 * data call carries the key the user enters, in the Authorization header).
 */
export function uiHandlers(): RequestHandler[] {
  const headers: RequestHandler = (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
  return [headers, express.static(UI_DIR, { index: 'index.html', maxAge: 0 })];
}
