// Placement by free engine capacity (ENGINE_MAX_SEQS): a worker whose engine is full hands reason and
// thread jobs back while another machine's engine has room, so no thread queues behind a busy engine.
import type { SupervisedProcess } from '@threadloom/devstack';
import { RedisReasoningClient } from '@threadloom/queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { problemSet } from './support/problems.js';
import { startSim, startWorker, type StackOptions } from './support/stack.js';

const PREFIX = '{tl-placement}';
const MODEL = 'threadweaver-sim';

describe('placement by free engine capacity', () => {
  const problems = problemSet(3);
  const options: StackOptions = {
    redisUrl: inject('redisUrl'),
    keyPrefix: PREFIX,
    machines: 2,
    corpus: problems.corpus,
  };
  const processes: SupervisedProcess[] = [];
  let busyUrl = '';
  let client: RedisReasoningClient;

  beforeAll(async () => {
    // m1's engine runs one sequence at a time, m2's four; both workers know their engine's limit.
    const busy = await startSim({ timeScale: 0.05, maxRunning: 1, corpus: problems.corpus });
    const free = await startSim({ timeScale: 0.05, maxRunning: 4, corpus: problems.corpus });
    processes.push(busy.sim, free.sim);
    busyUrl = busy.url;
    processes.push(
      await startWorker(
        { ...options, workerEnv: { ENGINE_MAX_SEQS: '1', ENGINE_LOAD_POLL_MS: '20' } },
        'm1',
        'reason,thread',
        busy.url,
      ),
    );
    processes.push(
      await startWorker(
        { ...options, workerEnv: { ENGINE_MAX_SEQS: '4', ENGINE_LOAD_POLL_MS: '20' } },
        'm2',
        'reason,thread',
        free.url,
      ),
    );
    processes.push(await startWorker(options, 'join1', 'join'));
    client = await new RedisReasoningClient({ redisUrl: options.redisUrl, keyPrefix: PREFIX }).connect();
  });
  afterAll(async () => {
    await client?.close();
    await Promise.all(processes.map((child) => child.stop(2_000)));
  });

  it('runs every thread on the machine whose engine has room while the other engine is full', async () => {
    const hog = new AbortController();
    const occupying = occupyOnlySlot(busyUrl, hog.signal);
    try {
      await expect.poll(() => runningSequences(busyUrl), { timeout: 5_000 }).toBe(1);
      const submitted = await Promise.all(problems.prompts.map((prompt) => client.submit({ prompt, model: MODEL })));
      const views = await Promise.all(submitted.map((view) => client.waitForResult(view.id, { timeoutMs: 60_000 })));
      const machines = views.flatMap(
        (view) => view.result?.blocks.flatMap((block) => block.threads.map((thread) => thread.machine)) ?? [],
      );
      expect(views.map((view) => view.status)).toEqual(views.map(() => 'completed'));
      expect(machines.length).toBeGreaterThan(3);
      expect(new Set(machines)).toEqual(new Set(['m2']));
    } finally {
      hog.abort();
      await occupying;
    }
  });
});

/** A long streamed completion straight to the engine, holding its only sequence slot until aborted. */
async function occupyOnlySlot(engineUrl: string, signal: AbortSignal): Promise<void> {
  const body = { model: MODEL, prompt: 'Hold the slot.', max_tokens: 20_000, ignore_eos: true, stream: true };
  try {
    const response = await fetch(`${engineUrl}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    for await (const chunk of response.body ?? []) void chunk;
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

async function runningSequences(engineUrl: string): Promise<number> {
  const text = await (await fetch(`${engineUrl}/metrics`)).text();
  return Number(/^vllm:num_requests_running(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
}
