// Placement shows in traces: with ENGINE_MAX_SEQS (placement on), every thread job's span says why it ran
// where it did and how many cached tokens that choice expected (docs/placement.md). A trace starts at the
// API, so the request goes in over HTTP.
import type { SupervisedProcess } from '@threadloom/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from '../api/support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from '../api/support/api-stack.js';
import { FIGURE6 } from '../support/figure6.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { startSim, startStack, type Stack } from './support/stack.js';

const PREFIX = '{tl-placement-spans}';

describe('placement attributes on thread spans', () => {
  let receiver: OtlpReceiver;
  let sim: SupervisedProcess;
  let stack: Stack;
  let api: ApiProcess;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const otel = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    };
    const started = await startSim({ timeScale: 0 });
    sim = started.sim;
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: PREFIX,
      machines: 1,
      engineUrl: started.url,
      workerEnv: { ...otel, ENGINE_MAX_SEQS: '8', ENGINE_LOAD_POLL_MS: '50' },
    });
    api = await startApi(inject('redisUrl'), PREFIX, otel);
  });
  afterAll(async () => {
    await api?.process.stop(5_000);
    await stack?.stop();
    await sim?.stop();
    await receiver?.close();
  });

  it('names the placement reason and the expected cached tokens on every thread span', async () => {
    const response = await fetch(`${api.url}/v1/reasoning`, {
      method: 'POST',
      headers: { Authorization: bearer(KEYS.alice), 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: FIGURE6.prompt, model: MODEL }),
    });
    const { id } = (await response.json()) as { id: string };
    const view = await stack.client.waitForResult(id, { timeoutMs: 60_000 });
    expect(view.status, view.error).toBe('completed');
    const threadsOf = (spans: readonly ReceivedSpan[]) =>
      spans.filter((span) => span.name === 'process thread' && span.attributes['threadloom.request_id'] === id);
    // Figure 6: two blocks of two threads.
    const threads = threadsOf(await receiver.waitFor((spans) => threadsOf(spans).length === 4));
    for (const thread of threads) {
      expect(thread.attributes['threadloom.placement.because']).toEqual(expect.any(String));
      expect(thread.attributes['threadloom.placement.expected_cached_tokens']).toEqual(expect.any(Number));
    }
  });
});
