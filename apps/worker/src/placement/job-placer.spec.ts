import { describe, expect, it } from 'vitest';
import type { EnginePlacement } from './engine-placement.js';
import { JobPlacer, type JobPlacerOptions } from './job-placer.js';
import type { MachineLoad } from './placement-decision.js';
import type { PrefixHolder } from './prefix-decision.js';
import type { PrefixRecorder } from './prefix-recorder.js';

const load = (machine: string, free: number, url?: string): MachineLoad => ({
  machine,
  free,
  at: 1,
  running: 8 - free,
  waiting: 0,
  stepMs: 20,
  prefillTokensPerSecond: 10_000,
  meanGenerationTokens: 200,
  ...(url === undefined ? {} : { url }),
});

/** The placement readings as m2's worker sees them, and what it counted against each engine. */
function fleetSeenBy(self: string, machines: MachineLoad[]) {
  const counted: string[] = [];
  const engine = {
    machineId: self,
    machines: () => machines,
    admit: () => true,
    admitted: () => counted.push(self),
    sentToMachine: (machine: string) => counted.push(machine),
  };
  return { engine: engine as unknown as EnginePlacement, counted };
}

const holders = (list: PrefixHolder[]) => ({ holders: () => Promise.resolve(list) }) as unknown as PrefixRecorder;
const OPTIONS: JobPlacerOptions = { policy: 'prefix', affinityMaxWaitMs: 1_000, threadsSkipWaiting: false };
const M1_HOLDS_20K = [{ machine: 'm1', tokens: 20_000, at: 0 }];

describe('JobPlacer', () => {
  it("sends the call to the holder's engine when it advertises a URL, counting it against the holder", async () => {
    const { engine, counted } = fleetSeenBy('m2', [load('m2', 4), load('m1', 4, 'http://m1:8000')]);
    const choice = await new JobPlacer(engine, holders(M1_HOLDS_20K), OPTIONS).place({
      requestId: 'r',
      role: 'thread',
      waitedMs: 0,
    });
    expect(choice).toMatchObject({
      run: true,
      reason: 'prefix-holder',
      cachedTokens: 20_000,
      engine: { machine: 'm1', url: 'http://m1:8000' },
    });
    expect(counted).toEqual(['m1']);
  });

  it('hands the job back when the holder advertises no URL, and runs it where it landed after the affinity wait', async () => {
    const { engine, counted } = fleetSeenBy('m2', [load('m2', 4), load('m1', 4)]);
    const placer = new JobPlacer(engine, holders(M1_HOLDS_20K), OPTIONS);
    const early = await placer.place({ requestId: 'r', role: 'thread', waitedMs: 999 });
    expect(early).toMatchObject({ run: false, reason: 'hand-back' });
    expect(early.engine).toBeUndefined();
    const late = await placer.place({ requestId: 'r', role: 'thread', waitedMs: 1_000 });
    expect(late).toMatchObject({ run: true, reason: 'wait-cap', cachedTokens: 0 });
    expect(counted).toEqual(['m2']);
  });

  it('runs here on its own engine when this machine holds the prefix', async () => {
    const { engine, counted } = fleetSeenBy('m1', [load('m1', 4, 'http://m1:8000'), load('m2', 4, 'http://m2:8000')]);
    const choice = await new JobPlacer(engine, holders(M1_HOLDS_20K), OPTIONS).place({
      requestId: 'r',
      role: 'thread',
      waitedMs: 0,
    });
    expect(choice).toMatchObject({ run: true, reason: 'prefix-holder', cachedTokens: 20_000 });
    expect(choice.engine).toBeUndefined();
    expect(counted).toEqual(['m1']);
  });
});
