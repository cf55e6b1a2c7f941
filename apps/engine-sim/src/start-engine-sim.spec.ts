import { describe, expect, it } from 'vitest';
import { renderUserPrompt } from '@threadloom/threading';
import { startEngineSim } from './start-engine-sim.js';
import { SimConfigError } from './config/sim-config.error.js';

describe('startEngineSim (in-process)', () => {
  it('serves a given corpus on a free port and closes cleanly', async () => {
    const corpus = [
      {
        id: 'one',
        problem: 'What is 1 + 1?',
        answer: '2',
        trajectory: '<think>\n1 + 1 = 2, so \\boxed{2}.\n</think>\n\n$\\boxed{2}$.',
      },
    ];
    const sim = await startEngineSim({ corpus, timeScale: 0, model: 'm' });
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
    const res = await fetch(`${sim.url}/v1/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', prompt: renderUserPrompt('What is 1 + 1?'), max_tokens: 100 }),
    });
    const body = (await res.json()) as { choices: { text: string; finish_reason: string }[] };
    expect(body.choices[0]).toMatchObject({ text: corpus[0]!.trajectory, finish_reason: 'stop' });
    await sim.close();
    await expect(fetch(`${sim.url}/health`)).rejects.toThrow();
  });

  it("accepts a request priority only under the priority scheduling policy, with vLLM's error otherwise", async () => {
    const post = (url: string, priority: number): Promise<Response> =>
      fetch(`${url}/v1/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', prompt: 'Count.', max_tokens: 2, priority }),
      });
    const fcfs = await startEngineSim({ corpus: [], timeScale: 0, model: 'm' });
    const priority = await startEngineSim({ corpus: [], timeScale: 0, model: 'm', schedulingPolicy: 'priority' });
    try {
      const refused = await post(fcfs.url, -1);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toBe(
        'Got priority -1 but Priority scheduling is not enabled.',
      );
      expect((await post(fcfs.url, 0)).status).toBe(200);
      expect((await post(priority.url, -1)).status).toBe(200);
    } finally {
      await fcfs.close();
      await priority.close();
    }
  });

  it('rejects invalid options', async () => {
    await expect(startEngineSim({ corpus: [], timeScale: -1 })).rejects.toBeInstanceOf(SimConfigError);
  });
});
