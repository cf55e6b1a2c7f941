import type { ApiScope } from '../config/api-config.schema.js';

/** Who is calling: resolved from the API key (or the development identity when auth is off). */
export interface Principal {
  readonly keyId: string;
  readonly tenant: string;
  readonly scopes: ReadonlySet<ApiScope>;
  readonly rateLimitPerSecond?: number;
}
