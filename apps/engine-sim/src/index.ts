// Public API of @threadloom/engine-sim. Explicit named exports only.
export { startEngineSim } from './start-engine-sim.js';
export type { RunningEngineSim } from './start-engine-sim.js';
export type { EngineSimOptions } from './config/engine-sim-options.js';
export { parseSimArgs } from './config/parse-sim-args.js';
export { parseFaultRates } from './config/parse-fault-rates.js';
export { SimConfigError } from './config/sim-config.error.js';
export { loadCorpus, DEFAULT_CORPUS_PATH } from './corpus/load-corpus.js';
export { DEFAULT_TIMING, stepMs, prefillMs, soloRequestMs } from './engine/timing-model.js';
export type { TimingModel } from './engine/timing-model.js';
export { DEFAULT_SYNTHETIC_OPTIONS } from './synthetic/synthetic-options.js';
export type { SyntheticOptions } from './synthetic/synthetic-options.js';
export { FAULT_HEADER, FAULT_KINDS } from './http/faults.js';
export type { FaultKind, FaultOptions } from './http/faults.js';
