import { longContextProblem } from '@threadloom/devstack';
import { renderUserPrompt } from '@threadloom/threading';
import { startQueueStack } from '../stack/queue-stack.js';
import type { ReasoningDriver } from '../stack/reasoning-driver.js';
import type { BenchOutput } from './bench-suite.js';
import type { Fleet } from './orchestration-overhead.js';
import { timedRequest } from './orchestration-probes.js';
import { mean, quantile } from './orchestration-stats.js';
import { LONG_CONTEXT_SYNTHETIC } from './placement-arms.js';

/** Rounds of the per-call section; each round runs the short and the long case back to back. */
export interface CallCostSizes {
  readonly rounds: number;
}

/** The long context: as large as the placement section's largest problem. */
const LONG_TOKENS = 26_000;
const THREAD_TOKENS = 250;

interface Case {
  readonly label: string;
  readonly problem: (round: number) => string;
}

const CASES: readonly Case[] = [
  { label: 'short', problem: (round) => `Problem ${round}: count the trees of a short ledger. Reason in parallel.` },
  { label: `long (${LONG_TOKENS / 1000}k tokens)`, problem: (round) => longContextProblem(9_000 + round, LONG_TOKENS) },
];

/**
 * What one engine call costs beyond the model's time, for a short and a long (26k-token, fully cached)
 * context, side by side at simulator time scale 0 (no model time at all): a direct call as a worker makes
 * it (`/tokenize` to count a long prompt against the context, then the streamed completion), and the
 * same problems through the runtime (thread queue wait and time to first token, request wall per call).
 */
export async function benchCallCost(
  output: BenchOutput,
  redisUrl: string,
  sizes: CallCostSizes,
  fleet: Fleet,
): Promise<void> {
  output.line(`7. per-call cost of a long context (time scale 0, prefix placement, ${sizes.rounds} rounds, medians)`);
  const { stack, driver, stop } = await startQueueStack({
    machines: fleet.machines,
    timeScale: 0,
    redisUrl,
    keyPrefix: '{threadloom-bench-call-cost}',
    concurrency: fleet.concurrency,
    maxRunning: 8,
    synthetic: LONG_CONTEXT_SYNTHETIC,
    workerEnv: { PLACEMENT_POLICY: 'prefix' },
  });
  try {
    const engine = stack.machines[0]?.engineUrl ?? '';
    const direct = new Map<string, number[]>();
    const runtime = new Map<string, RuntimeSample[]>();
    for (let round = 0; round <= sizes.rounds; round++) {
      for (const c of CASES) {
        const calls = await directCalls(engine, c.problem(round));
        const sample = await throughRuntime(driver, c.problem(round));
        // Round 0 warms the processes up and is not counted.
        if (round === 0) continue;
        for (const [key, value] of Object.entries(calls)) push(direct, `${c.label}|${key}`, value);
        push(runtime, c.label, sample);
      }
    }
    report(output, direct, runtime);
  } finally {
    await stop();
  }
}

interface RuntimeSample {
  readonly queueMs: number;
  readonly ttftMs: number;
  readonly wallPerCallMs: number;
}

/** A worker's engine call, twice: the context itself (cached after the first), then it + a thread header. */
async function directCalls(engine: string, problem: string): Promise<Record<string, number>> {
  const context = `${renderUserPrompt(problem)}<think>\n`;
  await engineCall(engine, context);
  return {
    cached: await engineCall(engine, context),
    thread: await engineCall(engine, `${context}Let me split this.\n<Thread>\n2:`),
  };
}

async function engineCall(engine: string, prompt: string): Promise<number> {
  const started = performance.now();
  await post(engine, '/tokenize', { prompt });
  await post(engine, '/v1/completions', { prompt, max_tokens: THREAD_TOKENS, stream: true });
  return performance.now() - started;
}

async function post(engine: string, path: string, body: object): Promise<void> {
  const res = await fetch(`${engine}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`engine-sim answered ${res.status} to ${path}`);
}

async function throughRuntime(driver: ReasoningDriver, problem: string): Promise<RuntimeSample> {
  const request = await timedRequest(driver, problem, 'parallel');
  const threads = request.result.blocks.flatMap((block) => block.threads);
  const calls = request.events.filter((event) => event.type === 'step_started' || event.type === 'thread_started');
  return {
    queueMs: mean(threads.map((thread) => thread.queueWaitMs)),
    ttftMs: mean(threads.map((thread) => thread.timeToFirstTokenMs)),
    wallPerCallMs: request.wallMs / Math.max(1, calls.length),
  };
}

function report(output: BenchOutput, direct: Map<string, number[]>, runtime: Map<string, RuntimeSample[]>): void {
  const [short, long] = CASES.map((c) => c.label) as [string, string];
  const med = (values: readonly number[] | undefined): number => quantile(values ?? [], 0.5);
  const row = (label: string, a: number, b: number): void =>
    output.line(
      `  ${label.padEnd(52)} ${`${a.toFixed(1)} ms`.padStart(10)} ${`${b.toFixed(1)} ms`.padStart(10)} ${`${(b / a).toFixed(2)}×`.padStart(8)} ${`+${(b - a).toFixed(1)} ms`.padStart(11)}`,
    );
  output.line(`  ${''.padEnd(52)} ${short.padStart(10)} ${long.padStart(10)}  long ÷ short, long − short`);
  row(
    'direct call, same prompt again (/tokenize + stream)',
    med(direct.get(`${short}|cached`)),
    med(direct.get(`${long}|cached`)),
  );
  row('direct call, prompt + thread header', med(direct.get(`${short}|thread`)), med(direct.get(`${long}|thread`)));
  const field = (label: string, key: keyof RuntimeSample): number => med(runtime.get(label)?.map((s) => s[key]));
  row('runtime: thread queue wait (mean per request)', field(short, 'queueMs'), field(long, 'queueMs'));
  row('runtime: thread time to first token (mean per request)', field(short, 'ttftMs'), field(long, 'ttftMs'));
  row('runtime: parallel request wall ÷ engine calls', field(short, 'wallPerCallMs'), field(long, 'wallPerCallMs'));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}
