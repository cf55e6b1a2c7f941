// Prefix-cache-aware placement (PLACEMENT_POLICY=prefix, the default with ENGINE_MAX_SEQS): a thread
// runs on the machine whose engine holds its request's context while that is the cheapest place, and
// spills to another machine only when waiting there would cost more than prefilling elsewhere.
// m1 runs the sequential steps (so its engine holds every context); m2 runs threads only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requestKeys } from '@threadloom/contracts';
import { longContextProblem, type SupervisedProcess } from '@threadloom/devstack';
import { RedisReasoningClient } from '@threadloom/queue';
import { renderUserPrompt } from '@threadloom/threading';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSim, startWorker, type StackOptions } from './support/stack.js';

const MODEL = 'threadweaver-sim';
/** Makes each thread decode ~40 tokens, so a sibling waiting for a slot waits for a whole thread. */
const TALLY =
  'cedar pine yew, then moss reed kelp, then pine cedar yew, then tide vale wren, counted twice to be sure'.repeat(2);
const TRAJECTORY = [
  '<think>',
  'Count the ledger in four parts.',
  '<Parallel>',
  '<Outlines>',
  '<Outline>1: First quarter.</Outline>',
  '<Outline>2: Second quarter.</Outline>',
  '<Outline>3: Third quarter.</Outline>',
  '<Outline>4: Fourth quarter.</Outline>',
  '</Outlines>',
  '<Thread>',
  `1: The first quarter has 7 trees: ${TALLY}.`,
  '</Thread><Thread>',
  `2: The second quarter has 5 trees: ${TALLY}.`,
  '</Thread><Thread>',
  `3: The third quarter has 6 trees: ${TALLY}.`,
  '</Thread><Thread>',
  `4: The fourth quarter has 4 trees: ${TALLY}.`,
  '</Thread>',
  '</Parallel>',
  'So 7 + 5 + 6 + 4 = 22 records name a tree: \\boxed{22}.',
  '</think>',
  '',
  'The answer is $\\boxed{22}$.',
].join('\n');
/** Context at the fork, in tokens: short enough to spill, long enough that prefilling costs more than waiting. */
const PROBLEMS = {
  short: longContextProblem(1, 1_000),
  shortToo: longContextProblem(2, 1_000),
  long: longContextProblem(3, 34_000),
};

interface ThreadPlacement {
  readonly machine: string;
  /** The worker that ran the job, when it sent the engine call to another machine's engine. */
  readonly worker: string | undefined;
  readonly because: string;
  readonly cachedTokens: number;
  readonly promptTokens: number;
}

/** How the two machines' workers are set up. */
interface TwoMachineOptions {
  readonly m1Roles: string;
  /** Each worker advertises its engine's URL, so others may route engine calls to it. */
  readonly advertise: boolean;
}

/** Two machines (m1 reason+thread, m2 thread only) whose simulators run `m1Seqs` and 8 sequences. */
async function twoMachines(
  prefix: string,
  corpus: string,
  m1Seqs: number,
  { m1Roles, advertise }: TwoMachineOptions = { m1Roles: 'reason,thread', advertise: false },
) {
  const options: StackOptions = { redisUrl: inject('redisUrl'), keyPrefix: prefix, machines: 2, corpus };
  const env = (seqs: number, url: string) => ({
    ...(advertise ? { ENGINE_ADVERTISE_URL: url } : {}),
    ENGINE_MAX_SEQS: String(seqs),
    ENGINE_LOAD_POLL_MS: '20',
    PLACEMENT_AFFINITY_MAX_WAIT_MS: '30000',
    THREAD_CONCURRENCY: '8',
  });
  const m1 = await startSim({ timeScale: 1, maxRunning: m1Seqs, corpus });
  const m2 = await startSim({ timeScale: 1, maxRunning: 8, corpus });
  const processes: SupervisedProcess[] = [m1.sim, m2.sim];
  processes.push(await startWorker({ ...options, workerEnv: env(m1Seqs, m1.url) }, 'm1', m1Roles, m1.url));
  processes.push(await startWorker({ ...options, workerEnv: env(8, m2.url) }, 'm2', 'thread', m2.url));
  processes.push(await startWorker(options, 'join1', 'join'));
  const client = await new RedisReasoningClient({ redisUrl: options.redisUrl, keyPrefix: prefix }).connect();
  const redis = new Redis(options.redisUrl);
  return {
    async run(problem: string): Promise<ThreadPlacement[]> {
      const prompt = renderUserPrompt(problem);
      const view = await client.submit({ prompt, model: MODEL, parameters: { maxTokens: 2_000 } });
      const done = await client.waitForResult(view.id, { timeoutMs: 90_000 });
      expect(done.status).toBe('completed');
      const events = await redis.xrange(requestKeys(prefix, view.id).events, '-', '+');
      const started = events
        .map(([, fields]) => ({ type: fields[fields.indexOf('type') + 1], data: fields[fields.indexOf('data') + 1] }))
        .filter((event) => event.type === 'thread_started')
        .map(
          (event) =>
            JSON.parse(event.data ?? '{}') as { thread: string; worker?: string; placement?: { because: string } },
        );
      const threads = done.result?.blocks.flatMap((block) => block.threads) ?? [];
      return threads.map((thread) => ({
        machine: thread.machine,
        worker: started.find((event) => event.thread === thread.number)?.worker,
        because: started.find((event) => event.thread === thread.number)?.placement?.because ?? 'none',
        cachedTokens: thread.cachedTokens,
        promptTokens: thread.promptTokens,
      }));
    },
    async stop() {
      await client.close();
      redis.disconnect();
      await Promise.all(processes.map((child) => child.stop(2_000)));
    },
  };
}

describe('prefix-cache-aware placement', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-prefix-'));
  const corpus = join(dir, 'corpus.jsonl');
  beforeAll(() => {
    const lines = Object.entries(PROBLEMS).map(([id, problem]) =>
      JSON.stringify({ id, problem, answer: '22', trajectory: TRAJECTORY }),
    );
    writeFileSync(corpus, `${lines.join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every thread on the machine holding the prefix while it has room, served from its cache', async () => {
    const stack = await twoMachines('{tl-prefix-room}', corpus, 8);
    try {
      for (const problem of [PROBLEMS.short, PROBLEMS.shortToo]) {
        const threads = await stack.run(problem);
        expect(threads).toHaveLength(4);
        for (const thread of threads) {
          expect(thread).toMatchObject({ machine: 'm1', because: 'prefix-holder' });
          expect(thread.cachedTokens).toBeGreaterThan(0.9 * thread.promptTokens);
        }
      }
    } finally {
      await stack.stop();
    }
  });

  it('spills when the holder is full and prefilling elsewhere is cheaper, and waits when it is not', async () => {
    // m1's engine runs one sequence at a time: a sibling waits there for a whole thread.
    const stack = await twoMachines('{tl-prefix-spill}', corpus, 1);
    try {
      // 34k tokens of context cost 3.4 s of prefill elsewhere: more than waiting for m1's slot.
      const long = await stack.run(PROBLEMS.long);
      expect(long.map((thread) => thread.machine)).toEqual(['m1', 'm1', 'm1', 'm1']);
      expect(new Set(long.map((thread) => thread.because))).toEqual(new Set(['prefix-holder']));
      // 1k tokens cost 0.1 s elsewhere: less than waiting for a thread, so siblings spill to m2 and say why.
      const short = await stack.run(PROBLEMS.short);
      const spilled = short.filter((thread) => thread.machine === 'm2' && thread.because === 'spill');
      expect(spilled.length).toBeGreaterThan(0);
      // The first to spill prefills the context (a sibling admitted with it on m2 may share its blocks).
      expect(Math.min(...spilled.map((thread) => thread.cachedTokens / thread.promptTokens))).toBeLessThan(0.5);
      // A sibling placed after a spilled one finished finds m2 holding the prefix too.
      for (const thread of short) expect(['spill', 'prefix-holder']).toContain(thread.because);
    } finally {
      await stack.stop();
    }
  });

  it("routes a thread that another machine's worker picks up to the holder's engine when engines advertise URLs", async () => {
    // m1's worker runs only sequential steps, so every thread job is taken by m2's worker; m1's engine holds the context.
    const stack = await twoMachines('{tl-prefix-route}', corpus, 8, { m1Roles: 'reason', advertise: true });
    try {
      const threads = await stack.run(PROBLEMS.short);
      expect(threads).toHaveLength(4);
      for (const thread of threads) {
        expect(thread).toMatchObject({ machine: 'm1', worker: 'm2', because: 'prefix-holder' });
        expect(thread.cachedTokens).toBeGreaterThan(0.9 * thread.promptTokens);
      }
    } finally {
      await stack.stop();
    }
  });
});
