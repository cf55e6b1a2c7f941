import type OpenAI from 'openai';
import { NoServedModelError } from './no-served-model.error.js';

/** The first model an OpenAI-compatible endpoint lists at `/v1/models` (vLLM serves exactly one). */
export async function firstServedModel(openai: OpenAI, timeoutMs: number): Promise<string> {
  const page = await openai.models.list({ timeout: timeoutMs, maxRetries: 0 });
  const id = page.data[0]?.id;
  if (typeof id !== 'string') throw new NoServedModelError(openai.baseURL);
  return id;
}
