import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startManagedProcess } from './managed-process.js';
import { supervise } from './process-supervisor.js';

const FAST = { initialDelayMs: 20, maxDelayMs: 100, maxRestarts: 3, windowMs: 60_000 };

function startChild(code = "console.log('ready'); setInterval(() => {}, 1000);") {
  return () =>
    startManagedProcess({
      name: 'child',
      command: process.execPath,
      args: ['-e', code],
      env: {},
      ready: /^ready$/,
    });
}

describe('supervise', () => {
  it('restarts a SIGKILLed child with a new pid and reports the delay', async () => {
    const restarting: number[] = [];
    const child = await supervise('child', startChild(), {
      policy: FAST,
      hooks: { onRestarting: (_name, _exit, restart) => restarting.push(restart.delayMs) },
    });
    try {
      const firstPid = child.current()?.pid;
      const next = child.nextRestart();
      await child.current()?.kill();
      const second = await next;
      expect(second.pid).not.toBe(firstPid);
      expect(child.restarts()).toBe(1);
      expect(child.everCrashed()).toBe(true);
      const third = child.nextRestart();
      await second.kill();
      await third;
      expect(restarting).toEqual([20, 40]);
    } finally {
      await child.stop();
    }
  });

  it('gives up once the crash budget of its window is spent', async () => {
    const gaveUp: number[] = [];
    const child = await supervise('child', startChild("console.log('ready'); setTimeout(() => process.exit(7), 10);"), {
      policy: FAST,
      hooks: { onGaveUp: (_name, _exit, restarts) => gaveUp.push(restarts) },
    });
    const exit = await child.gaveUp;
    expect(exit.code).toBe(7);
    expect(gaveUp).toEqual([3]);
    expect(child.current()).toBeUndefined();
    await child.stop();
  });

  it('does not restart a child it was asked to stop', async () => {
    const child = await supervise('child', startChild(), { policy: FAST });
    const running = child.current()!;
    await child.stop();
    expect(running.child.exitCode !== null || running.child.signalCode !== null).toBe(true);
    await sleep(100);
    expect(child.restarts()).toBe(0);
    expect(child.current()).toBeUndefined();
  });
});
