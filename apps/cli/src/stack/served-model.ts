import { DEFAULT_MODEL } from '@threadloom/contracts';

/** Model name the stack's simulators serve and its workers request. */
export const SIM_MODEL = DEFAULT_MODEL;
