import { parseRetryPolicy, type RetryPolicy } from '@threadloom/contracts';
import { InvalidRetrySettingsError } from './invalid-retry-settings.error.js';

/**
 * The retry policy of the jobs the CLI adds, read from the same variables as the workers it starts
 * (they inherit its environment), so producer and workers agree.
 */
export function retrySettings(env: Readonly<Record<string, string | undefined>> = process.env): RetryPolicy {
  const parsed = parseRetryPolicy(env);
  if (!parsed.ok) throw new InvalidRetrySettingsError(parsed.issues);
  return parsed.value;
}
