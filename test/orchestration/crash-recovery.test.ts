// SIGKILL a worker in the middle of a thread: stalled-job recovery finishes the request identically.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectIdentical } from './support/assert-result.js';
import { allEvents, firstEvent } from './support/events.js';
import { problemSet } from './support/problems.js';
import { referenceTexts } from './support/reference.js';
import { startSim, startStack, type Stack } from './support/stack.js';

describe('worker crash mid-thread', () => {
  const problems = problemSet(4);
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-crash}',
      machines: 2,
      timeScale: 0.1,
      corpus: problems.corpus,
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('recovers the killed thread on another machine with nothing duplicated', async () => {
    const { sim, url } = await startSim({ timeScale: 0, corpus: problems.corpus });
    const expected = await referenceTexts(url, problems.prompts).finally(() => sim.stop());
    const views = await Promise.all(
      problems.prompts.map((prompt) => stack.client.submit({ prompt, model: 'threadweaver-sim' })),
    );
    // Placement decides which machine runs threads (prefix affinity may put them all on one): the victim
    // is whichever machine starts a thread first, the survivor the other.
    const seen = await firstEvent(
      stack.client,
      views.map((view) => view.id),
      (event) => event.type === 'thread_started',
    );
    const victim = stack.machines.find((machine) => machine.id === seen.event.data['machine'])!;
    const survivor = stack.machines.find((machine) => machine !== victim)!;
    await victim.worker.kill();
    const finished = await Promise.all(views.map((view) => stack.client.waitForResult(view.id, { timeoutMs: 90_000 })));
    finished.forEach((view, index) => expectIdentical(view, expected[index]));
    const crashed = finished.find((view) => view.id === seen.id)!;
    const block = crashed.result!.blocks.find((candidate) => candidate.index === seen.event.data['block']);
    const thread = block?.threads.find((candidate) => candidate.number === seen.event.data['thread']);
    expect(thread?.machine).toBe(survivor.id);
    // The re-run is visible: its thread_started, and the stored thread, say attempt 2 after a stall.
    expect(thread).toMatchObject({ attempts: 2, runCause: 'stalled', stalls: 1 });
    const starts = (await allEvents(stack.client, seen.id))
      .filter((event) => event.type === 'thread_started')
      .filter((event) => event.data['block'] === seen.event.data['block'])
      .filter((event) => event.data['thread'] === seen.event.data['thread'])
      .map((event) => event.data);
    expect(starts).toEqual([
      expect.objectContaining({ machine: victim.id, attempt: 1, cause: 'first', stalls: 0 }),
      expect.objectContaining({ machine: survivor.id, attempt: 2, cause: 'stalled', stalls: 1, failures: 0 }),
    ]);
  });
});
