import {
  IGNORE_LABEL,
  packTokenUnits,
  packTrajectory,
  rolloutPackInput,
  unitCompletion,
  unitPrompt,
  unitPromptIds,
  type CallUnit,
  type OrchestratorState,
  type TokenEncoder,
  type TokenUnit,
} from '@threadloom/threading';
import type { RolloutGroupSpec, RolloutMemberOutcome } from './rollout-group.js';

/** Where a row's token ids come from: the engine's own ids, or the training tokenizer over the text. */
type RowTokenSource = 'engine' | 'tokenizer';

/** The member a row belongs to, with its reward and advantage known. */
export interface RowContext {
  readonly spec: RolloutGroupSpec;
  readonly outcome: RolloutMemberOutcome & { readonly reward: number; readonly advantage: number };
}

/** The end-of-sequence token a call that stopped on EOS generated (the engine's text never holds it). */
const EOS = '<|im_end|>';

function identity(context: RowContext, encoder: TokenEncoder) {
  const { spec, outcome } = context;
  return {
    rollout_id: spec.rolloutId,
    group_id: spec.id,
    custom_id: spec.customId,
    member: outcome.member,
    request_id: outcome.requestId,
    seed: outcome.seed,
    reward: outcome.reward,
    advantage: outcome.advantage,
    correct: outcome.correct,
    token_source: 'tokenizer' as RowTokenSource,
    tokenizer: encoder.name,
  };
}

/**
 * The packed training row of one trajectory (spec §5, as `threadloom pack` prints it) plus `advantages`:
 * the member's advantage on every node that has a loss, 0 elsewhere. The loss covers only what the model
 * generated, each token once in the context it was generated in (spec §4.3): never the prompt, the
 * orchestrator's headers, joins and closures, nor thread 2..n where they stand in a join. A trajectory
 * that cannot be packed (an unclosed block after a failure) gets `ok: false` and its issues. When every
 * engine call returned ids, the trie is built from them (`token_source: "engine"`); else from the text.
 */
export function packedRow(context: RowContext, state: OrchestratorState, encoder: TokenEncoder) {
  const engineUnits = engineTokenUnits(state);
  const tokenSource: RowTokenSource = engineUnits === undefined ? 'tokenizer' : 'engine';
  const packed =
    engineUnits === undefined
      ? packTrajectory(rolloutPackInput(state), { encoder })
      : { ok: true as const, value: packTokenUnits(engineUnits, engineUnits[0]?.promptTokens ?? 0) };
  const base = { ...identity(context, encoder), token_source: tokenSource };
  if (!packed.ok) return { ...base, ok: false as const, issues: packed.issues.map((issue) => issue.message) };
  const { value } = packed;
  const advantage = context.outcome.advantage;
  return {
    ...base,
    ok: true as const,
    units: value.units,
    prompt_tokens: value.promptTokens,
    input_ids: Array.from(value.inputIds),
    position_ids: Array.from(value.positionIds),
    parent: Array.from(value.parent),
    tin: Array.from(value.tin),
    tout: Array.from(value.tout),
    labels: Array.from(value.labels),
    loss_mask: Array.from(value.lossMask),
    advantages: Array.from(value.labels, (label) => (label === IGNORE_LABEL ? 0 : advantage)),
  };
}

/**
 * Every engine call as a root path of the prefix tree, its prompt ids then its generated ids (only those
 * trained), with its prompt length; undefined unless the engine returned ids for every call.
 */
function engineTokenUnits(state: OrchestratorState): (TokenUnit & { promptTokens: number })[] | undefined {
  const units: (TokenUnit & { promptTokens: number })[] = [];
  for (const [index, unit] of state.units.entries()) {
    const promptIds = unitPromptIds(state.units, index);
    if (promptIds === undefined || unit.tokenIds === undefined) return undefined;
    const trainable = [...promptIds.map(() => 0), ...unit.tokenIds.map(() => 1)];
    units.push({ ids: [...promptIds, ...unit.tokenIds], trainable, promptTokens: promptIds.length });
  }
  return units.length === 0 ? undefined : units;
}

/**
 * The expanded units of spec §4.5: one row per engine call, its prompt ids (the call's context, including
 * orchestrator-inserted text) and response ids (what the model generated, plus EOS when it stopped there),
 * each carrying the trajectory's advantage. Rows are unpadded; a trainer pads them. The ids are the
 * engine's own (`token_source: "engine"`) when it returned them for the call, else the encoder's.
 */
export function expandedRows(context: RowContext, state: OrchestratorState, encoder: TokenEncoder) {
  const base = identity(context, encoder);
  return state.units.map((unit, index) => ({
    ...base,
    unit: index,
    kind: unit.kind,
    block: unit.block,
    thread: unit.thread,
    finish_reason: unit.finishReason,
    ...unitIds(state, index, encoder),
  }));
}

/** A call's prompt and response ids: the engine's when it returned both, else the encoder's over the text. */
function unitIds(state: OrchestratorState, index: number, encoder: TokenEncoder) {
  const unit = state.units[index] as CallUnit;
  const promptIds = unitPromptIds(state.units, index);
  if (promptIds !== undefined && unit.tokenIds !== undefined)
    return { token_source: 'engine' as RowTokenSource, prompt_ids: promptIds, response_ids: [...unit.tokenIds] };
  return {
    prompt_ids: encoder.encode(unitPrompt(state, unit)),
    response_ids: encoder.encode(unitCompletion(state, unit) + (endedOnEos(unit) ? EOS : '')),
  };
}

function endedOnEos(unit: CallUnit): boolean {
  return unit.finishReason === 'stop' && (unit.stopReason === null || unit.stopReason === EOS);
}
