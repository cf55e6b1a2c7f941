import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { batchPrompts, tallyBatch, type BatchTally } from './batch-checks.js';
import { CountingApi } from './counting-api.js';
import { startFaultStack, type FaultStack } from './fault-stack.js';
import { PeakMemorySampler } from './process-memory.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { waitUntilDrained } from './submit-batch.js';

/**
 * 1,000 submissions at once against the API's per-key rate limit (a token bucket): the burst is
 * accepted, the rest refused with 429 and Retry-After. Status is polled with a second key, so the polling
 * does not spend the load key's tokens. Peak memory is bounded per process.
 */
const SIZES = {
  short: { submissions: 1_000, burst: 50, perSecond: 2, timeScale: 0.05, budgetMs: 120_000 },
  long: { submissions: 1_000, burst: 300, perSecond: 20, timeScale: 0.05, budgetMs: 420_000 },
} as const;

/** Peak resident memory bounds (MiB): about twice what the long form measures (docs/reliability.md). */
const PEAK_BOUND_MIB = { api: 640, worker: 640 } as const;

/** One submission's answer: its status, whether a 429 carried a usable Retry-After, the new id on 202. */
interface Answer {
  readonly status: number;
  readonly retryAfterOk: boolean;
  readonly id: string | undefined;
}

/** The load's own key and a reader key whose rate limit the polling cannot exhaust (the limit is per key). */
interface LoadClients {
  readonly load: CountingApi;
  readonly reader: CountingApi;
}

const newKey = (): string => `tl-${randomBytes(18).toString('base64url')}`;
const sha256 = (key: string): string => createHash('sha256').update(key).digest('hex');

async function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const [load, reader] = [newKey(), newKey()];
  const keys = [
    {
      name: 'load',
      sha256: sha256(load),
      tenant: 'default',
      scopes: ['submit', 'read'],
      rateLimitPerSecond: size.perSecond,
    },
    { name: 'reader', sha256: sha256(reader), tenant: 'default', scopes: ['read'], rateLimitPerSecond: 1_000_000 },
  ];
  const stack = await startFaultStack({
    machines: 3,
    timeScale: size.timeScale,
    seed: 7,
    apiEnv: { API_KEYS: JSON.stringify(keys), API_RATE_LIMIT_BURST: String(size.burst) },
  });
  const url = stack.stack.apiUrl ?? '';
  try {
    return await loadOnce(stack, { load: new CountingApi(url, load), reader: new CountingApi(url, reader) }, context);
  } finally {
    await stack.stop();
  }
}

async function loadOnce(stack: FaultStack, clients: LoadClients, context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const api = stack.stack.children.filter((child) => child.name === 'api');
  const sampler = new PeakMemorySampler([...api, ...stack.workers]);
  const prompts = batchPrompts(size.submissions);
  const started = performance.now();
  const answers = await Promise.all(prompts.map((prompt) => submitOnce(clients.load, prompt)));
  const submitMs = performance.now() - started;
  const submitted = answers.flatMap((answer, index) =>
    answer.id === undefined ? [] : [{ id: answer.id, prompt: prompts[index]! }],
  );
  const views = await clients.reader.awaitTerminal(
    submitted.map((entry) => entry.id),
    { timeoutMs: size.budgetMs, signal: context.signal },
  );
  const batchMs = performance.now() - started;
  const tally = tallyBatch(submitted, views, undefined);
  const leftover = await waitUntilDrained(stack, context.signal);
  const peaks = sampler.finish();
  const accepted = submitted.length;
  const refused = answers.filter((answer) => answer.status === 429);
  return {
    requests: size.submissions,
    faultsInjected: 0,
    lost: tally.lost,
    duplicated: tally.duplicatedThreads,
    http5xx: clients.load.serverErrors() + clients.reader.serverErrors(),
    recoverMs: undefined,
    extra: {
      accepted,
      '429': refused.length,
      limits: `burst ${size.burst}, ${size.perSecond}/s`,
      'all answered in': `${(submitMs / 1000).toFixed(1)} s`,
      'batch wall': `${(batchMs / 1000).toFixed(1)} s`,
      ...describePeaks(peaks),
    },
    checks: [
      check('every submission answered 202 or 429', accepted + refused.length === answers.length, statusList(answers)),
      check(
        'every 429 carried Retry-After',
        refused.every((answer) => answer.retryAfterOk),
        `${refused.filter((answer) => answer.retryAfterOk).length}/${refused.length}`,
      ),
      check('both answers seen (the limit was reached)', accepted > 0 && refused.length > 0, `${accepted} accepted`),
      ...acceptedChecks(tally, accepted, leftover),
      ...peakChecks(
        peaks,
        [...api, ...stack.workers].map((child) => child.name),
      ),
    ],
  };
}

function acceptedChecks(tally: BatchTally, accepted: number, leftover: Readonly<Record<string, number>>) {
  return [
    check('every accepted request terminal', tally.lost === 0, `${tally.terminal}/${accepted}`),
    check('every accepted request completed', tally.completed === accepted, `${tally.completed}/${accepted}`),
    check('no thread counted twice', tally.duplicatedThreads === 0, `${tally.duplicatedThreads} duplicates`),
    check(
      'no job left unfinished',
      Object.values(leftover).every((count) => count === 0),
      JSON.stringify(leftover),
    ),
  ];
}

/** POST /v1/reasoning once; a 429 must name a whole number of seconds ≥ 1 in Retry-After. */
async function submitOnce(api: CountingApi, prompt: string): Promise<Answer> {
  const { status, body, headers } = await api.call('POST', '/v1/reasoning', { prompt });
  const retryAfter = Number(headers?.get('retry-after') ?? Number.NaN);
  const id = status === 202 ? (body as { id?: unknown } | undefined)?.id : undefined;
  return {
    status,
    retryAfterOk: Number.isInteger(retryAfter) && retryAfter >= 1,
    id: typeof id === 'string' ? id : undefined,
  };
}

function statusList(answers: readonly Answer[]): string {
  const counts = new Map<number, number>();
  for (const { status } of answers) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status === 0 ? 'no answer' : status} ×${count}`)
    .join(', ');
}

const mib = (kb: number): number => Math.round(kb / 1024);

function describePeaks(peaks: ReadonlyMap<string, number>): Record<string, string> {
  const described: Record<string, string> = {};
  for (const [name, kb] of peaks) described[`peak RSS ${name}`] = `${mib(kb)} MiB`;
  return described;
}

function peakChecks(peaks: ReadonlyMap<string, number>, names: readonly string[]) {
  return names.map((name) => {
    const bound = name === 'api' ? PEAK_BOUND_MIB.api : PEAK_BOUND_MIB.worker;
    const kb = peaks.get(name);
    return check(
      `peak RSS of ${name} ≤ ${bound} MiB`,
      kb !== undefined && mib(kb) <= bound,
      kb === undefined ? 'not measured' : `${mib(kb)} MiB`,
    );
  });
}

/** Scenario 7: 1,000 concurrent submissions — 202 or 429 with Retry-After, all accepted terminal, memory bounded. */
export const LOAD: ReliabilityScenario = {
  id: 7,
  name: 'load',
  title:
    '1,000 concurrent submissions against the rate limit: 202 or 429 + Retry-After, all accepted terminal, RSS bounded',
  forms: ['short', 'long'],
  budgetMs: (form) => SIZES[form].budgetMs,
  run,
};
