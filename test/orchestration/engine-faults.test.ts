// Engine faults (500, 503, connection reset) at 10%: every request still completes identically.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectIdentical } from './support/assert-result.js';
import { allEvents } from './support/events.js';
import { problemSet } from './support/problems.js';
import { referenceTexts } from './support/reference.js';
import { startSim, startStack, type Stack } from './support/stack.js';

describe('engine faults', () => {
  const problems = problemSet(16);
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-faults}',
      machines: 2,
      timeScale: 0,
      corpus: problems.corpus,
      faultRate: '500=0.034,503=0.033,reset=0.033',
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('retries transient failures with backoff and keeps the trajectory identical', async () => {
    const { sim, url } = await startSim({ timeScale: 0, corpus: problems.corpus });
    const expected = await referenceTexts(url, problems.prompts).finally(() => sim.stop());
    const views = await Promise.all(
      problems.prompts.map((prompt) => stack.client.submit({ prompt, model: 'threadweaver-sim' })),
    );
    const finished = await Promise.all(views.map((view) => stack.client.waitForResult(view.id, { timeoutMs: 90_000 })));
    finished.forEach((view, index) => expectIdentical(view, expected[index]));
    const events = (await Promise.all(views.map((view) => allEvents(stack.client, view.id)))).flat();
    const retried = events.filter((event) => typeof event.data['attempt'] === 'number' && event.data['attempt'] > 1);
    expect(retried.length).toBeGreaterThan(0);
  });
});
