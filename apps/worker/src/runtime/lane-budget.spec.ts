import { describe, expect, it } from 'vitest';
import { LaneBudget, laneLimit } from './lane-budget.js';

describe('lane budget', () => {
  it('gives one lane the whole concurrency, as without lanes', () => {
    expect(laneLimit(16, 1, 0, 0)).toBe(16);
    expect(laneLimit(16, 1, 16, 16)).toBe(16);
  });

  it('lends idle capacity to a busy lane and takes it back when another lane works', () => {
    expect(laneLimit(16, 2, 0, 0)).toBe(16); // idle: any lane may take everything
    expect(laneLimit(16, 2, 15, 15)).toBe(16); // the other lane is idle
    expect(laneLimit(16, 2, 15, 16)).toBe(15); // the other lane took one: no refetch beyond 15
    expect(laneLimit(16, 2, 15, 23)).toBe(8); // over the total: back down to the fair share
    expect(laneLimit(16, 2, 1, 16)).toBe(8); // a starved lane always keeps its share
    expect(laneLimit(4, 8, 0, 4)).toBe(1); // more lanes than slots: one poller each
  });

  it('steers the attached workers as jobs start and end', async () => {
    const budget = new LaneBudget(4);
    const [a, b] = [{ concurrency: budget.initial(2) }, { concurrency: budget.initial(2) }];
    budget.attach(0, a);
    budget.attach(1, b);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const jobs = [0, 1, 2].map(() => budget.run(0, () => gate));
    expect(budget.running(0)).toBe(3);
    expect([a.concurrency, b.concurrency]).toEqual([4, 2]);
    release();
    await Promise.all(jobs);
    expect([a.concurrency, b.concurrency, budget.running(0)]).toEqual([4, 4, 0]);
  });
});
