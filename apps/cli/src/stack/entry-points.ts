import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Absolute paths of the process entry points the stack starts. */
export interface EntryPoints {
  readonly engineSim: string;
  readonly worker: string;
  readonly api: string;
}

/** The apps directory of this checkout: `apps/cli/{src,dist}/stack` → `apps`. */
export const APPS_DIR = resolve(import.meta.dirname, '../../..');

/** Where each app's built `dist/main.js` lives in this checkout. */
export function resolveEntryPoints(appsDir: string = APPS_DIR): EntryPoints {
  return {
    engineSim: resolve(appsDir, 'engine-sim/dist/main.js'),
    worker: resolve(appsDir, 'worker/dist/main.js'),
    api: resolve(appsDir, 'api/dist/main.js'),
  };
}

/** True when the API has been built (it is optional until the API lands). */
export function apiIsBuilt(entries: EntryPoints): boolean {
  return existsSync(entries.api);
}
