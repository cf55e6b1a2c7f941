// vLLM's `--scheduling-policy priority` in the simulator process: waiting requests are admitted by
// their `priority` (lower first, ties by arrival); under fcfs by arrival, and a non-zero priority is refused.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { postJson, startSim } from './sim-client.js';

/** One slot; a long request (1.5k tokens, ~1.7 s at time scale 0.05) holds it while three more arrive: priorities 0, 0, -1. Returns their finishing order. */
async function finishingOrder(url: string): Promise<string[]> {
  const post = (prompt: string, maxTokens: number, priority = 0) =>
    postJson(`${url}/v1/completions`, {
      prompt,
      max_tokens: maxTokens,
      ignore_eos: true,
      ...(priority === 0 ? {} : { priority }),
    });
  const order: string[] = [];
  const hog = post('Hold the slot.', 1_500);
  await sleep(100);
  const waiting = [
    ['first', 0],
    ['second', 0],
    ['urgent', -1],
  ] as const;
  const runs: Promise<void>[] = [];
  for (const [name, priority] of waiting) {
    runs.push(
      post(`Request ${name}.`, 5, priority).then((response) => {
        expect(response.status).toBe(200);
        order.push(name);
      }),
    );
    await sleep(30);
  }
  await Promise.all([hog, ...runs]);
  return order;
}

describe('engine-sim scheduling policy', () => {
  it('admits a waiting request with a lower priority value first under --scheduling-policy priority', async () => {
    const sim = await startSim(['--time-scale', '0.05', '--max-running', '1', '--scheduling-policy', 'priority']);
    try {
      expect(await finishingOrder(sim.url)).toEqual(['urgent', 'first', 'second']);
    } finally {
      await sim.stop();
    }
  });

  it('keeps arrival order under fcfs and refuses a non-zero priority as vLLM does', async () => {
    const sim = await startSim(['--time-scale', '0.05', '--max-running', '1']);
    try {
      const refused = await postJson(`${sim.url}/v1/completions`, { prompt: 'x', max_tokens: 2, priority: -1 });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ message: 'Got priority -1 but Priority scheduling is not enabled.' });
      const order: string[] = [];
      const hog = postJson(`${sim.url}/v1/completions`, { prompt: 'Hold.', max_tokens: 1_500, ignore_eos: true });
      await sleep(100);
      const runs: Promise<void>[] = [];
      for (const name of ['first', 'second', 'third']) {
        runs.push(
          postJson(`${sim.url}/v1/completions`, { prompt: `Request ${name}.`, max_tokens: 5 }).then(
            () => void order.push(name),
          ),
        );
        await sleep(30);
      }
      await Promise.all([hog, ...runs]);
      expect(order).toEqual(['first', 'second', 'third']);
    } finally {
      await sim.stop();
    }
  });
});
