import { DEFAULT_MODEL } from '@threadloom/contracts';
import { EngineRequestError } from './engine-request.error.js';
import { engineEndpoint } from './vllm-endpoint.js';

/** Model name the stack's simulators serve and its workers request. */
export const SIM_MODEL = DEFAULT_MODEL;

/** The first model an OpenAI-compatible endpoint lists at `/v1/models` (vLLM serves exactly one). */
export async function discoverServedModel(baseUrl: string): Promise<string> {
  const url = engineEndpoint(baseUrl, '/v1/models');
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new EngineRequestError(url, response.status, await response.text());
  const body = (await response.json()) as { data?: readonly { id?: unknown }[] };
  const id = body.data?.[0]?.id;
  if (typeof id !== 'string') throw new EngineRequestError(url, response.status, 'no model listed');
  return id;
}
