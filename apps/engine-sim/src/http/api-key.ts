import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * vLLM's `--api-key` check: routes under /v1 need `Authorization: Bearer <key>` (any of the keys);
 * /health, /metrics, /tokenize and OPTIONS stay open. Compared as SHA-256 digests in constant time.
 */
export class ApiKeyCheck {
  private readonly digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  /** Whether the request may pass. */
  allows(method: string, path: string, headers: IncomingHttpHeaders): boolean {
    if (this.digests.length === 0 || method === 'OPTIONS' || !path.startsWith('/v1')) return true;
    const [scheme = '', ...rest] = (headers.authorization ?? '').split(' ');
    if (scheme.toLowerCase() !== 'bearer') return false;
    const given = digest(rest.join(' '));
    let match = false;
    for (const known of this.digests) match = timingSafeEqual(given, known) || match;
    return match;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
