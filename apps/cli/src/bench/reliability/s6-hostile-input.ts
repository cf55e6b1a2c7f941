import { createHash, randomBytes } from 'node:crypto';
import { hostileCall, type HostileCall } from './hostile-calls.js';
import { startFaultStack } from './fault-stack.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { describeCounts } from './request-outcomes.js';
import { seededRandom } from './seeded-random.js';

const SEED = 6;
const CONCURRENCY = 16;
const SIZES = {
  short: { calls: 10_000, budgetMs: 300_000 },
  long: { calls: 50_000, budgetMs: 480_000 },
} as const;

const sha256 = (key: string): string => createHash('sha256').update(key).digest('hex');
const newKey = (): string => `tl-${randomBytes(18).toString('base64url')}`;

async function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const [own, reader, other] = [newKey(), newKey(), newKey()];
  const keys = [
    { name: 'own', sha256: sha256(own), tenant: 'default', scopes: ['submit', 'read'] },
    { name: 'reader', sha256: sha256(reader), tenant: 'default', scopes: ['read'] },
    { name: 'other', sha256: sha256(other), tenant: 'other', scopes: ['submit', 'read'] },
  ];
  const stack = await startFaultStack({ machines: 1, apiEnv: { API_KEYS: JSON.stringify(keys) } });
  const url = stack.stack.apiUrl ?? '';
  try {
    const statuses = new Map<number, number>();
    const byKind = new Map<string, number>();
    const random = seededRandom(SEED);
    const calls = Array.from({ length: SIZES[context.form].calls }, () => hostileCall(random, own));
    let next = 0;
    const worker = async () => {
      while (next < calls.length && !context.signal.aborted) {
        const call = calls[next++]!;
        const status = await send(url, call);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500 || status === 0) byKind.set(call.kind, (byKind.get(call.kind) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const matrix = await authMatrix(url, { own, reader, other });
    const health = await send(url, { kind: 'health', method: 'GET', path: '/healthz', headers: {} });
    const apiChild = stack.stack.children.find((child) => child.name === 'api');
    const http5xx = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
    const dropped = statuses.get(0) ?? 0;
    return {
      requests: next + matrix.length,
      faultsInjected: next,
      lost: 0,
      duplicated: 0,
      http5xx,
      recoverMs: undefined,
      extra: {
        '4xx': [...statuses].filter(([status]) => status >= 400 && status < 500).reduce((sum, [, n]) => sum + n, 0),
        'auth matrix refused': `${matrix.filter((row) => row.ok).length}/${matrix.length}`,
      },
      checks: [
        check('every generated call sent', next === calls.length, `${next}/${calls.length}`),
        check('zero 5xx', http5xx === 0, describeCounts(byKind)),
        check('no connection dropped', dropped === 0, `${dropped} network errors`),
        check('API alive and never restarted', health === 200 && apiChild?.restarts() === 0, `healthz ${health}`),
        ...matrix.map((row) => check(`auth: ${row.name}`, row.ok, `${row.status}, wanted ${row.wanted}`)),
      ],
    };
  } finally {
    await stack.stop();
  }
}

/** No key, wrong key, another tenant's ids, a missing scope and the admin pages: each refused. */
async function authMatrix(url: string, keys: { own: string; reader: string; other: string }) {
  const bearer = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
  const body = JSON.stringify({ prompt: 'Whose request is this?' });
  const created = await fetch(`${url}/v1/reasoning`, { method: 'POST', headers: bearer(keys.own), body });
  const id = ((await created.json()) as { id?: string }).id ?? 'missing';
  const rows: { name: string; call: HostileCall; wanted: number }[] = [
    { name: 'no key', call: { kind: 'auth', method: 'GET', path: '/v1/models', headers: {} }, wanted: 401 },
    {
      name: 'wrong key',
      call: { kind: 'auth', method: 'GET', path: '/v1/models', headers: bearer(newKey()) },
      wanted: 401,
    },
    {
      name: "other tenant's request",
      call: { kind: 'auth', method: 'GET', path: `/v1/reasoning/${id}`, headers: bearer(keys.other) },
      wanted: 404,
    },
    {
      name: "other tenant's events",
      call: { kind: 'auth', method: 'GET', path: `/v1/reasoning/${id}/events`, headers: bearer(keys.other) },
      wanted: 404,
    },
    {
      name: "other tenant's cancel",
      call: { kind: 'auth', method: 'DELETE', path: `/v1/reasoning/${id}`, headers: bearer(keys.other) },
      wanted: 404,
    },
    {
      name: 'missing submit scope',
      call: { kind: 'auth', method: 'POST', path: '/v1/reasoning', headers: bearer(keys.reader), body },
      wanted: 403,
    },
    {
      name: 'admin page, no key',
      call: { kind: 'auth', method: 'GET', path: '/admin/queues', headers: {} },
      wanted: 401,
    },
    {
      name: 'admin page, tenant key',
      call: { kind: 'auth', method: 'GET', path: '/admin/queues', headers: bearer(keys.own) },
      wanted: 403,
    },
  ];
  const results = [];
  for (const row of rows) {
    const status = await send(url, row.call);
    results.push({ name: row.name, status, wanted: row.wanted, ok: created.status === 202 && status === row.wanted });
  }
  return results;
}

async function send(url: string, call: HostileCall): Promise<number> {
  try {
    const response = await fetch(`${url}${call.path}`, {
      method: call.method,
      headers: call.headers,
      ...(call.body === undefined ? {} : { body: call.body }),
      signal: AbortSignal.timeout(20_000),
    });
    await response.body?.cancel(); // an event stream would stay open; no answer body is needed
    return response.status;
  } catch {
    return 0;
  }
}

/** Scenario 6: ≥ 10,000 hostile calls across every endpoint, then the auth matrix. */
export const HOSTILE_INPUT: ReliabilityScenario = {
  id: 6,
  name: 'hostile-input',
  title: 'Hostile API input: generated invalid bodies, encodings, sizes, nesting, headers, paths; the auth matrix',
  forms: ['short', 'long'],
  budgetMs: (form) => SIZES[form].budgetMs,
  run,
};
