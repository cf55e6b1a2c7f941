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

  it('rejects invalid options', async () => {
    await expect(startEngineSim({ corpus: [], timeScale: -1 })).rejects.toBeInstanceOf(SimConfigError);
  });
});
