import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { API_SCOPES } from '../config/api-config.schema.js';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { UnauthenticatedError } from '../common/errors/unauthenticated.error.js';
import { hashApiKey } from './api-key-hash.js';
import type { Principal } from './principal.js';

const DEVELOPMENT_PRINCIPAL: Principal = { keyId: 'development', tenant: 'default', scopes: new Set(API_SCOPES) };

/** Resolves `Authorization` headers (Bearer, or Basic with the key as password) to a {@link Principal}. */
@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');
  private readonly byHash: ReadonlyMap<string, Principal>;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.byHash = new Map(
      config.apiKeys.map((entry) => [
        entry.sha256,
        {
          keyId: entry.name ?? entry.sha256.slice(0, 12),
          tenant: entry.tenant,
          scopes: new Set(entry.scopes),
          ...(entry.rateLimitPerSecond ? { rateLimitPerSecond: entry.rateLimitPerSecond } : {}),
        },
      ]),
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.authDisabled) {
      this.logger.warn({
        msg: 'AUTHENTICATION IS DISABLED (API_AUTH_DISABLED=true): every caller acts as tenant "default" with all scopes. Development only.',
      });
    }
  }

  /** Throws {@link UnauthenticatedError} unless the header carries a configured key. */
  authenticate(authorization: string | undefined): Principal {
    if (this.config.authDisabled) return DEVELOPMENT_PRINCIPAL;
    const key = extractKey(authorization);
    const principal = key === undefined ? undefined : this.byHash.get(hashApiKey(key));
    if (!principal) throw new UnauthenticatedError();
    return principal;
  }
}

function extractKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  // Exactly `<scheme> <credential>`: anything after the credential (`Bearer KEY junk`) is refused.
  const parts = authorization.trim().split(/\s+/);
  if (parts.length !== 2) return undefined;
  const [scheme, value] = parts;
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}
