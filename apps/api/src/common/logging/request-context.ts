import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request data visible to every log line written while serving the request. */
interface RequestContext {
  readonly requestId: string;
  tenant?: string;
}

/** Carries the current {@link RequestContext} across async boundaries. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
