import { gzipSync } from 'node:zlib';

/** One generated hostile HTTP call. */
export interface HostileCall {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

const POST_PATHS = ['/v1/reasoning', '/v1/chat/completions', '/v1/completions', '/v1/batches', '/v1/rollouts'];
const ID_PATHS = ['/v1/reasoning/', '/v1/batches/', '/v1/reasoning/', '/admin/queues/api/queues/'];
const PATH_TRICKS = ['..%2F..%2Fetc%2Fpasswd', '%00', '%ZZ', 'x'.repeat(5_000), '💥', '${jndi:x}', '%2e%2e', '?a[b]=1'];
const JUNK_IDS = ['abc', '-', '1-1-1', '$$', '9'.repeat(40), "'; DROP", '%0d%0aX: y'];
const FIELDS = ['prompt', 'messages', 'model', 'max_tokens', 'temperature', 'seed', 'deadline_ms', 'stream', 'n'];

/** A random JSON value: wrong types, extremes, deep nesting. */
function junkValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 10);
  if (depth > 3 && pick > 6) return null;
  switch (pick) {
    case 0:
      return -1e308 * random();
    case 1:
      return 'x'.repeat(Math.floor(random() * 3_000));
    case 2:
      return [junkValue(random, depth + 1), junkValue(random, depth + 1)];
    case 3:
      return { [FIELDS[Math.floor(random() * FIELDS.length)]!]: junkValue(random, depth + 1) };
    case 4:
      return random() > 0.5;
    case 5:
      return Number.MAX_SAFE_INTEGER;
    case 6:
      return '\u0000\ud800<think>';
    default:
      return null;
  }
}

function junkBody(random: () => number): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of FIELDS) if (random() > 0.5) body[field] = junkValue(random);
  return body;
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** One call of a deterministic hostile mix over every endpoint (bodies, encodings, sizes, headers, paths). */
export function hostileCall(random: () => number, key: string): HostileCall {
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const post = POST_PATHS[Math.floor(random() * POST_PATHS.length)]!;
  const variant = Math.floor(random() * 9);
  if (variant < 6) return bodyCall(random, variant, post, auth);
  if (variant === 6) {
    const trick = PATH_TRICKS[Math.floor(random() * PATH_TRICKS.length)]!;
    const base = ID_PATHS[Math.floor(random() * ID_PATHS.length)]!;
    const method = ['GET', 'DELETE', 'POST', 'PUT', 'PATCH'][Math.floor(random() * 5)]!;
    return { kind: 'path', method, path: `${base}${trick}`, headers: auth };
  }
  if (variant === 7) {
    const junk = JUNK_IDS[Math.floor(random() * JUNK_IDS.length)]!;
    const headers = { ...auth, 'last-event-id': junk.replace(/[\r\n]/g, '') };
    const path = `/v1/reasoning/${encodeURIComponent(junk)}/events?after=${encodeURIComponent(junk)}`;
    return { kind: 'cursor', method: 'GET', path, headers };
  }
  const authorization = ['', 'Bearer', `Bearer ${key} junk`, 'Basic !!!', `bearer ${key}x`, 'Token abc'][
    Math.floor(random() * 6)
  ]!;
  const headers = { authorization, 'content-type': 'application/json' };
  return { kind: 'auth', method: 'POST', path: post, headers, body: '{"prompt":"x"}' };
}

function bodyCall(random: () => number, variant: number, path: string, auth: Record<string, string>): HostileCall {
  const call = (kind: string, body: string | Uint8Array, headers = auth): HostileCall => ({
    kind,
    method: 'POST',
    path,
    headers,
    body,
  });
  switch (variant) {
    case 0:
      return call('body', JSON.stringify(junkBody(random)));
    case 1:
      return call('json', '{"prompt": "x", '.repeat(3));
    case 2:
      return call('nesting', nested(5_000 + Math.floor(random() * 20_000)));
    case 3:
      // Over the 1 MiB body limit now and then (each costs a megabyte on the wire), else just large.
      return call('size', JSON.stringify({ prompt: 'y'.repeat(random() < 0.05 ? 1_100_000 : 210_000) }));
    case 4: {
      const encoding = ['gzip', 'br', 'deflate', 'rot13', 'gzip, gzip'][Math.floor(random() * 5)]!;
      const body = random() > 0.5 ? gzipSync('{"prompt":') : '{"prompt":"plain"}';
      return call('encoding', body, { ...auth, 'content-encoding': encoding });
    }
    default: {
      const types = ['text/plain', 'application/xml', 'multipart/form-data', 'application/json; charset=utf-7'];
      return call('content-type', '{}', { ...auth, 'content-type': types[Math.floor(random() * 4)]! });
    }
  }
}
