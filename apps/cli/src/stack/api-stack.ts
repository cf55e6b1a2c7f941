import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client.js';
import { EntryPointMissingError } from './entry-point-missing.error.js';
import { apiIsBuilt, resolveEntryPoints } from './entry-points.js';
import { startLocalStack, type LocalStack, type StackHooks } from './local-stack.js';
import type { StackOptions } from './stack-plan.js';

/** API limits lifted for stacks the CLI itself drives (demo, `run --distributed`, benchmarks, the fault suite). */
export const INTERNAL_API_ENV = {
  API_RATE_LIMIT_PER_SECOND: '1000000',
  API_RATE_LIMIT_BURST: '1000000',
  API_MAX_BACKLOG: '1000000',
  LOG_LEVEL: 'warn',
} as const;

/** A local stack with its API and a client holding a fresh admin key. */
interface ApiStack {
  readonly stack: LocalStack;
  readonly client: ApiClient;
}

/** Starts a local stack including the API (which must be built) and returns a client for it. */
export async function startApiStack(
  options: Omit<StackOptions, 'apiPort' | 'apiKey' | 'apiEnv'>,
  hooks: StackHooks = {},
): Promise<ApiStack> {
  const entries = resolveEntryPoints();
  if (!apiIsBuilt(entries)) throw new EntryPointMissingError('api', entries.api);
  const apiKey = `tl-${randomBytes(18).toString('base64url')}`;
  const stack = await startLocalStack({ ...options, apiPort: 0, apiKey, apiEnv: INTERNAL_API_ENV }, hooks, entries);
  return { stack, client: new ApiClient(stack.apiUrl ?? '', apiKey) };
}
