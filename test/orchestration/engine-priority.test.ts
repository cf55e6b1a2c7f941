// ENGINE_PRIORITY: thread calls go to vLLM with `priority: -1` (ahead of fresh sequential work under
// `--scheduling-policy priority`); sequential steps send none, so they keep vLLM's default of 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupervisedProcess } from '@threadloom/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIGURE6 } from '../support/figure6.js';
import { capturedRequests, requestsOf } from './support/captured-requests.js';
import { startSim, startStack, type Stack } from './support/stack.js';

describe('engine priority for thread calls', () => {
  let dir: string;
  let capture: string;
  let sim: SupervisedProcess;
  let stack: Stack;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tl-engine-priority-'));
    capture = join(dir, 'requests.jsonl');
    const started = await startSim(
      { timeScale: 0 },
      { SIM_CAPTURE_REQUESTS: capture, SIM_ENABLE_REQUEST_ID_HEADERS: 'true', SIM_SCHEDULING_POLICY: 'priority' },
    );
    sim = started.sim;
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-engine-priority}',
      machines: 1,
      engineUrl: started.url,
      workerEnv: { ENGINE_PRIORITY: 'true', ENGINE_MAX_SEQS: '8' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends priority -1 on every thread call and no priority on sequential steps', async () => {
    const submitted = await stack.client.submit({ prompt: FIGURE6.prompt });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 60_000 });
    expect(view.status, view.error).toBe('completed');
    const calls = requestsOf(capturedRequests(capture), submitted.id);
    const isThread = (header: string | null) => header?.includes('_path_') === true;
    const threads = calls.filter((call) => isThread(call.requestIdHeader));
    const steps = calls.filter((call) => !isThread(call.requestIdHeader));
    // Figure 6: two blocks of two threads, three sequential steps.
    expect([threads.length, steps.length]).toEqual([4, 3]);
    expect(threads.map((call) => call.body['priority'])).toEqual([-1, -1, -1, -1]);
    expect(steps.map((call) => call.body['priority'])).toEqual([undefined, undefined, undefined]);
  });
});
