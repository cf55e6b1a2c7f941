import { engineCallId, engineCallSeed, type EngineCallPlace, type NormalizedSubmission } from '@threadloom/contracts';
import type { Sampling } from '@threadloom/engine-client';
import { promptPieces, type EngineRequest, type OrchestratorState, type PromptPiece } from '@threadloom/threading';
import type { EngineSettings } from '../config/engine-settings.js';

/** What one engine call carries besides its prompt: sampling (with its own seed) and its request id. */
export interface EngineCallIdentity {
  readonly sampling: Sampling;
  /** Sent as `X-Request-Id`: `{request}:{iteration}` or `{request}:{block}_path_{thread}`, `.retry<k>` on retries. */
  readonly requestId: string;
  /** Token-exact mode: the prompt as generated ids and inserted text, sent as token ids. */
  readonly promptPieces?: readonly PromptPiece[];
}

/**
 * The prompt pieces of a call in `token-exact` mode (the ids the engine generated for earlier calls of
 * `state`, the orchestrator's text between them); nothing in `text` mode, where the prompt goes as text.
 */
export function tokenExactPrompt(
  mode: EngineSettings['promptMode'],
  state: OrchestratorState,
  request: EngineRequest,
): Pick<EngineCallIdentity, 'promptPieces'> {
  return mode === 'token-exact' ? { promptPieces: promptPieces(state, request.prompt) } : {};
}

/**
 * The identity of one call: the request's sampling values over the deployment defaults (explicit, so
 * vLLM never falls back to the model's generation config), the request seed turned into this call's
 * own seed (engineCallSeed: reproducible, distinct between sibling threads and steps; no request seed,
 * no seed) and the call's request id (engineCallId, `attempt` = attempts already made).
 */
export function engineCallIdentity(
  parameters: NormalizedSubmission['parameters'],
  defaults: EngineSettings['samplingDefaults'],
  call: { readonly requestId: string; readonly place: EngineCallPlace; readonly attempt: number },
): EngineCallIdentity {
  const sampling: Sampling = {
    temperature: parameters.temperature ?? defaults.temperature,
    topP: parameters.topP ?? defaults.topP,
    topK: parameters.topK ?? defaults.topK,
    minP: parameters.minP ?? defaults.minP,
    repetitionPenalty: parameters.repetitionPenalty ?? defaults.repetitionPenalty,
    seed: parameters.seed === undefined ? undefined : engineCallSeed(parameters.seed, call.place),
  };
  return { sampling, requestId: engineCallId(call.requestId, call.place, call.attempt) };
}
