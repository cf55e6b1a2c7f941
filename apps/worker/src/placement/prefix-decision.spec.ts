import { describe, expect, it } from 'vitest';
import type { MachineLoad } from './placement-decision.js';
import { machineCost } from './prefix-cost.js';
import { decidePrefixPlacement } from './prefix-decision.js';

// Engine-measured: 20 ms steps, 10,000 prefill tokens/s, 200 output tokens per request (a sequence holds its slot 4 s).
const machine = (name: string, free: number, running = 8 - Math.max(0, free), waiting = 0): MachineLoad => ({
  machine: name,
  free,
  at: 0,
  running,
  waiting,
  stepMs: 20,
  prefillTokensPerSecond: 10_000,
  meanGenerationTokens: 200,
});

describe('machineCost', () => {
  it('is the uncached prefill when a slot is free', () => {
    expect(machineCost(machine('m', 2), 20_000, 5_000, { skipsWaiting: false })).toMatchObject({
      waitMs: 0,
      prefillMs: 1_500,
      totalMs: 1_500,
    });
  });

  it('waits for the position-th of the running sequences to finish when full', () => {
    // Position 1 − (−3) = 4 behind 8 running: 4 × (200 × 20 ms) / 9.
    const full = machine('m', -3, 8, 3);
    expect(machineCost(full, 100, 100, { skipsWaiting: false }).waitMs).toBeCloseTo((4 * 4_000) / 9, 6);
    // With engine priority the call skips the 3 waiting requests: position 1.
    expect(machineCost(full, 100, 100, { skipsWaiting: true }).waitMs).toBeCloseTo(4_000 / 9, 6);
  });
});

describe('decidePrefixPlacement', () => {
  const holders = [{ machine: 'm1', tokens: 20_000, at: -1 }];

  it('runs on the holder when it has room; a machine without the prefix hands the job back', () => {
    const machines = (self: string) => [
      machine(self, 4),
      ...['m1', 'm2'].filter((m) => m !== self).map((m) => machine(m, 4)),
    ];
    expect(decidePrefixPlacement({ self: 'm1', machines: machines('m1'), holders, skipsWaiting: false })).toMatchObject(
      {
        run: true,
        reason: 'prefix-holder',
        cachedTokens: 20_000,
      },
    );
    expect(decidePrefixPlacement({ self: 'm2', machines: machines('m2'), holders, skipsWaiting: false })).toMatchObject(
      {
        run: false,
        reason: 'hand-back',
        cachedTokens: 0,
        best: { machine: 'm1' },
      },
    );
  });

  it('spills to a free machine when waiting at the holder costs more than prefilling there', () => {
    // Holder full with 6 waiting: position 7 × 4 s / 9 ≈ 3.1 s > 2 s of prefill on m2.
    const machines = [machine('m2', 4), machine('m1', -6, 8, 6)];
    const choice = decidePrefixPlacement({ self: 'm2', machines, holders, skipsWaiting: false });
    expect(choice).toMatchObject({ run: true, reason: 'spill', cachedTokens: 0 });
    expect(choice.here?.prefillMs).toBeCloseTo(2_000, 6);
    expect(choice.best?.machine).toBe('m2');
    // The holder itself agrees and hands the job back.
    expect(
      decidePrefixPlacement({ self: 'm1', machines: [machines[1]!, machines[0]!], holders, skipsWaiting: false }),
    ).toMatchObject({ run: false, reason: 'hand-back' });
  });

  it('keeps the job at a full holder when its wait is shorter than the prefill elsewhere', () => {
    // Position 1 behind 8 running: 4 s / 9 ≈ 0.44 s < 2 s of prefill.
    const machines = [machine('m2', 4), machine('m1', 0, 8, 0)];
    expect(decidePrefixPlacement({ self: 'm2', machines, holders, skipsWaiting: false })).toMatchObject({
      run: false,
      reason: 'hand-back',
      best: { machine: 'm1' },
    });
  });

  it('spills a short context as capacity placement would: its prefill is cheap', () => {
    const short = [{ machine: 'm1', tokens: 300, at: -1 }];
    const machines = [machine('m2', 4), machine('m1', 0, 8, 0)];
    expect(decidePrefixPlacement({ self: 'm2', machines, holders: short, skipsWaiting: false })).toMatchObject({
      run: true,
      reason: 'spill',
    });
  });

  it("gives back the holder's slot when its reading predates the call that made it a holder", () => {
    // m1 read while the forking step still ran (free 0); the step finished after that reading.
    const machines = [machine('m2', 4), { ...machine('m1', 0, 8, 0), at: 10 }];
    const fresh = [{ machine: 'm1', tokens: 20_000, at: 11 }];
    expect(decidePrefixPlacement({ self: 'm2', machines, holders: fresh, skipsWaiting: false })).toMatchObject({
      run: false,
      best: { machine: 'm1', waitMs: 0 },
    });
  });

  it('runs where it landed without a fresh reading of its own engine', () => {
    expect(
      decidePrefixPlacement({ self: 'm3', machines: [machine('m1', 4)], holders, skipsWaiting: false }),
    ).toMatchObject({
      run: true,
      reason: 'unplaced',
    });
  });
});
