import type { RuntimeDeps } from '../runtime/runtime-deps.js';

/** Event field naming this worker when a job's engine call went to another machine's engine. */
export function routedFrom(deps: RuntimeDeps, machine: string): { worker?: string } {
  return machine === deps.config.machineId ? {} : { worker: deps.config.machineId };
}
