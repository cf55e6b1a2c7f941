// SIGTERM: a worker stops taking jobs, finishes in-flight ones within the grace period, releases the rest.
import { renderUserPrompt } from '@threadloom/threading';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { allEvents, firstEvent } from './support/events.js';
import { startScriptedStack, type ScriptedStack } from './support/scripted-stack.js';

describe('graceful shutdown', () => {
  let s: ScriptedStack | undefined;

  afterEach(async () => {
    await s?.stop();
    s = undefined;
  });

  async function terminateDuringThread(graceMs: string, problem: string) {
    s = await startScriptedStack(inject('redisUrl'), `{tl-shutdown-${graceMs}}`, 2, {
      SHUTDOWN_GRACE_MS: graceMs,
      THREAD_CONCURRENCY: '4',
    });
    const { client, machines } = s.stack;
    const victim = machines[0]!;
    const view = await client.submit({ prompt: renderUserPrompt(problem), model: 'scripted' });
    await firstEvent(
      client,
      [view.id],
      (event) => event.type === 'thread_started' && event.data['machine'] === victim.id,
    );
    const signalledAt = Date.now();
    victim.worker.child.kill('SIGTERM');
    await victim.worker.exited;
    const exitedAfterMs = Date.now() - signalledAt;
    const drainingAt = Number(/^worker draining .* at=(\d+)$/m.exec(victim.worker.output())?.[1] ?? Number.NaN);
    const done = await client.waitForResult(view.id, { timeoutMs: 30_000 });
    const events = await allEvents(client, view.id);
    return { done, events, drainingAt, exitedAfterMs, victim: victim.id, reference: await s.reference(problem) };
  }

  it('lets in-flight threads finish within the grace period and takes no new job', async () => {
    const r = await terminateDuringThread('6000', 'wide graceful');
    expect(r.done.status, r.done.error).toBe('completed');
    expect(r.done.result?.text).toBe(r.reference);
    expect(r.exitedAfterMs).toBeLessThan(6_000);
    // Measured from when the worker handled the signal (its own log line), not when the test sent it:
    // on a loaded machine the two can be far apart. 50 ms covers a job fetched just before draining.
    expect(Number.isFinite(r.drainingAt)).toBe(true);
    const startedLate = r.events.filter(
      (e) => e.type === 'thread_started' && e.data['machine'] === r.victim && e.at > r.drainingAt + 50,
    );
    expect(startedLate).toEqual([]);
    const finishedOnVictim = r.events.filter((e) => e.type === 'thread_finished' && e.data['machine'] === r.victim);
    expect(finishedOnVictim.length).toBeGreaterThan(0);
  });

  it('releases jobs still running after the grace period to other workers', async () => {
    const r = await terminateDuringThread('300', 'slow released');
    expect(r.exitedAfterMs).toBeLessThan(2_500);
    expect(r.done.status, r.done.error).toBe('completed');
    expect(r.done.result?.text).toBe(r.reference);
    const machines = new Set(r.done.result!.blocks[0]!.threads.map((thread) => thread.machine));
    expect(machines.has(r.victim)).toBe(false);
  });
});
