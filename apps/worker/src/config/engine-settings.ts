import { REFERENCE_SAMPLING } from '@threadloom/engine-client';
import { z } from 'zod';

/** How prompts go to the engine: re-sent as text (default), or as the token ids the engine returned. */
const PROMPT_MODES = ['text', 'token-exact'] as const;
/** One prompt mode. */
type PromptMode = (typeof PROMPT_MODES)[number];

const number = z.coerce.number();

/** Engine-facing environment of a worker (see docs/vllm.md); every variable is optional. */
export const engineEnvSchema = z.object({
  /** The engine's `--api-key`; sent as `Authorization: Bearer` on every engine call; never logged. */
  ENGINE_API_KEY: z.string().min(1).optional(),
  /** Overrides the served context length read from `/v1/models` (`max_model_len`). */
  ENGINE_MAX_MODEL_LEN: z.coerce.number().int().positive().optional(),
  /** `text` re-sends the context as text; `token-exact` sends token ids, generated ids as returned (docs/vllm.md). */
  ENGINE_PROMPT_MODE: z.enum(PROMPT_MODES).default('text'),
  /** Deployment sampling defaults; a request's own values win. Defaults: the reference's RL rollout settings. */
  SAMPLING_TEMPERATURE: number.min(0).max(2).default(REFERENCE_SAMPLING.temperature),
  SAMPLING_TOP_P: number.gt(0).max(1).default(REFERENCE_SAMPLING.topP),
  SAMPLING_TOP_K: number.int().min(-1).default(REFERENCE_SAMPLING.topK),
  SAMPLING_MIN_P: number.min(0).max(1).default(REFERENCE_SAMPLING.minP),
  SAMPLING_REPETITION_PENALTY: number.gt(0).default(REFERENCE_SAMPLING.repetitionPenalty),
});

/** Validated engine settings. */
export interface EngineSettings {
  readonly apiKey: string | undefined;
  readonly maxModelLen: number | undefined;
  readonly promptMode: PromptMode;
  readonly samplingDefaults: {
    readonly temperature: number;
    readonly topP: number;
    readonly topK: number;
    readonly minP: number;
    readonly repetitionPenalty: number;
  };
}

/** Maps the parsed variables to settings. */
export function toEngineSettings(e: z.output<typeof engineEnvSchema>): EngineSettings {
  return {
    apiKey: e.ENGINE_API_KEY,
    maxModelLen: e.ENGINE_MAX_MODEL_LEN,
    promptMode: e.ENGINE_PROMPT_MODE,
    samplingDefaults: {
      temperature: e.SAMPLING_TEMPERATURE,
      topP: e.SAMPLING_TOP_P,
      topK: e.SAMPLING_TOP_K,
      minP: e.SAMPLING_MIN_P,
      repetitionPenalty: e.SAMPLING_REPETITION_PENALTY,
    },
  };
}
