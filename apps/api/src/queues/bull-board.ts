import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthService } from '../auth/auth.service.js';
import { ForbiddenError } from '../common/errors/forbidden.error.js';
import { UnauthenticatedError } from '../common/errors/unauthenticated.error.js';
import { toErrorResponse } from '../common/filters/error-response.js';

/** Where the dashboard is mounted. */
export const BULL_BOARD_PATH = '/admin/queues';

/** Bull Board over the runtime's queues, behind an admin-scope check (Bearer, or Basic with the key as password for browsers). */
export function bullBoardHandlers(queues: readonly Queue[], auth: AuthService): RequestHandler[] {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
  return [adminOnly(auth), serverAdapter.getRouter() as RequestHandler];
}

function adminOnly(auth: AuthService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    try {
      const principal = auth.authenticate(req.header('authorization'));
      if (!principal.scopes.has('admin')) throw new ForbiddenError('admin');
      next();
    } catch (error) {
      const answer = toErrorResponse(error);
      const headers =
        error instanceof UnauthenticatedError
          ? { 'WWW-Authenticate': 'Basic realm="threadloom admin", charset="UTF-8"' }
          : answer.headers;
      res.status(answer.status).set(headers).json(answer.body);
    }
  };
}
