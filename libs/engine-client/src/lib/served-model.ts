import type OpenAI from 'openai';
import { NoServedModelError } from './no-served-model.error.js';

/** What an engine's `/v1/models` says about the model requests name. */
export interface ServedModelCard {
  readonly id: string;
  /** vLLM's `max_model_len` (the served context in tokens); undefined when the engine does not say. */
  readonly maxModelLen: number | undefined;
}

/**
 * The card of `model` (or, when absent, the first model) an OpenAI-compatible endpoint lists at
 * `/v1/models` (vLLM serves exactly one). The SDK sends the client's key: vLLM with `--api-key` needs it.
 */
export async function readServedModel(openai: OpenAI, timeoutMs: number, model?: string): Promise<ServedModelCard> {
  const page = await openai.models.list({ timeout: timeoutMs, maxRetries: 0 });
  const cards = page.data as readonly (OpenAI.Models.Model & { max_model_len?: unknown })[];
  const card = (model === undefined ? undefined : cards.find((entry) => entry.id === model)) ?? cards[0];
  const id = model ?? card?.id;
  if (typeof id !== 'string') throw new NoServedModelError(openai.baseURL);
  const length = card?.max_model_len;
  const known = typeof length === 'number' && Number.isSafeInteger(length) && length > 0;
  return { id, maxModelLen: known ? length : undefined };
}
