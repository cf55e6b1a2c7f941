import type { OrchestrationStep } from '@threadloom/threading';
import type { Checkpoint } from '@threadloom/queue';
import type { SaveOutcome } from '@threadloom/queue';
import { dispatch, type DispatchOptions } from '@threadloom/queue';
import type { RuntimeDeps } from './runtime-deps.js';

/** The checkpoint a step was computed from: its version and revision stamp (undefined for a record from before revisions). */
export interface StepBase {
  readonly version: number;
  readonly revision: string | undefined;
}

/**
 * Saves the machine's next step as checkpoint `base.version + 1` while `base` is still the stored
 * checkpoint (a step computed from a save Redis lost is refused, even once the version is redone), then
 * performs its effects.
 */
export async function commitStep(
  deps: RuntimeDeps,
  requestId: string,
  base: StepBase,
  step: OrchestrationStep,
  options: DispatchOptions,
): Promise<SaveOutcome> {
  const checkpoint: Checkpoint = { version: base.version + 1, state: step.state, action: step.action };
  const outcome = await deps.store.saveCheckpoint(requestId, base.version, checkpoint, base.revision);
  if (outcome === 'saved') await performEffects(deps, requestId, checkpoint, options);
  return outcome;
}

/** Enqueues the jobs of a checkpoint's action or finishes the request; idempotent, so retries redo it safely. */
export async function performEffects(
  deps: RuntimeDeps,
  requestId: string,
  checkpoint: Checkpoint,
  options: DispatchOptions,
): Promise<void> {
  const { action } = checkpoint;
  if (action.type === 'done') {
    await deps.finisher.finished(requestId, checkpoint.state);
    return;
  }
  await dispatch(deps.lanes.targets(requestId), requestId, checkpoint, options);
  if (action.type === 'fork') {
    await deps.store.appendEvent(requestId, 'fork', {
      block: action.blockIndex,
      threads: action.threads.map((thread) => thread.number),
    });
  }
}
