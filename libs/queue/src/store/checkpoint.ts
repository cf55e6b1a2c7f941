import type { NextAction, OrchestratorState } from '@threadloom/threading';

/**
 * The durable position of one request: the state machine's state and the action it asked for.
 * `version` counts transitions; a job acts only on the version it was created for, so a retried
 * job redoes the (idempotent) side effects of the saved action instead of decoding twice.
 */
export interface Checkpoint {
  readonly version: number;
  readonly state: OrchestratorState;
  readonly action: NextAction;
}
