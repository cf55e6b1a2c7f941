import { existsSync } from 'node:fs';
import { startManagedProcess } from '@threadloom/devstack';
import { EntryPointMissingError } from './entry-point-missing.error.js';
import { resolveEntryPoints } from './entry-points.js';
import { engineSpec } from './stack-plan.js';

/** A simulator child process started for one command. */
interface SimProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `apps/engine-sim/dist/main.js` on a free port (optionally seeded, on a corpus) and returns its URL (its ready line). */
export async function startSimProcess(timeScale: number, seed?: number, corpus?: string): Promise<SimProcess> {
  const entries = resolveEntryPoints();
  if (!existsSync(entries.engineSim)) throw new EntryPointMissingError('engine-sim', entries.engineSim);
  const child = await startManagedProcess({
    ...engineSpec(entries, 'engine-sim', 0, {
      timeScale,
      ...(seed === undefined ? {} : { seed }),
      ...(corpus === undefined ? {} : { corpus }),
    }),
    detached: true,
  });
  return { url: child.readyLine.trim(), stop: () => child.stop() };
}
