import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthService } from '../auth/auth.service.js';
import { AdminUiDisabledError } from '../common/errors/admin-ui-disabled.error.js';
import { ForbiddenError } from '../common/errors/forbidden.error.js';
import { UnauthenticatedError } from '../common/errors/unauthenticated.error.js';
import { toErrorResponse } from '../common/filters/error-response.js';

/** Where the dashboard is mounted. */
export const BULL_BOARD_PATH = '/admin/queues';

/** Who may open the dashboard: admin keys; with authentication disabled, nobody unless `withoutAuth`. */
interface BullBoardAccess {
  readonly auth: AuthService;
  readonly authDisabled: boolean;
  readonly withoutAuth: boolean;
}

/** Bull Board over the runtime's queues, behind an admin-scope check (Bearer, or Basic with the key as password for browsers). */
export function bullBoardHandlers(queues: readonly Queue[], access: BullBoardAccess): RequestHandler[] {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  // Several lanes hold queues of the same name: the lane's prefix tells them apart.
  const lanes = new Set(queues.map((queue) => queue.opts.prefix)).size > 1;
  const adapter = (queue: Queue): BullMQAdapter =>
    new BullMQAdapter(queue, lanes ? { prefix: `${queue.opts.prefix ?? ''}:` } : {});
  createBullBoard({ queues: queues.map(adapter), serverAdapter });
  // The adapter is an Express app of its own, which would announce itself in X-Powered-By.
  const board = serverAdapter.getRouter() as Express;
  board.disable('x-powered-by');
  return [adminOnly(access), board];
}

function adminOnly({ auth, authDisabled, withoutAuth }: BullBoardAccess): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    try {
      if (authDisabled && !withoutAuth) throw new AdminUiDisabledError();
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
