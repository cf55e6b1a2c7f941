import type { ReasoningSubmission } from '@threadloom/contracts';
import { renderChatPrompt, type ChatMessage } from '@threadloom/threading';
import type { ReasoningOptions } from './reasoning-request.schema.js';

/** Builds the runtime submission from a rendered prompt and wire options (snake_case → contract). */
export function toSubmission(
  prompt: string,
  options: ReasoningOptions,
  tenant: string,
  defaultModel: string,
  batchId?: string,
): ReasoningSubmission {
  const parameters = {
    ...(options.mode !== undefined && { mode: options.mode }),
    ...(options.temperature !== undefined && { temperature: options.temperature }),
    ...(options.top_p !== undefined && { topP: options.top_p }),
    ...(options.top_k !== undefined && { topK: options.top_k }),
    ...(options.min_p !== undefined && { minP: options.min_p }),
    ...(options.repetition_penalty !== undefined && { repetitionPenalty: options.repetition_penalty }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.max_tokens !== undefined && { maxTokens: options.max_tokens }),
    ...(options.max_tokens_per_thread !== undefined && { maxTokensPerThread: options.max_tokens_per_thread }),
    ...(options.max_concurrent_threads !== undefined && { maxConcurrentThreads: options.max_concurrent_threads }),
    ...(options.deadline_ms !== undefined && { deadlineMs: options.deadline_ms }),
    ...(options.on_thread_failure !== undefined && { onThreadFailure: options.on_thread_failure }),
    ...(options.priority !== undefined && { priority: options.priority }),
  };
  return {
    prompt,
    model: options.model ?? defaultModel,
    tenant,
    parameters,
    ...(options.metadata !== undefined && { metadata: options.metadata }),
    ...(batchId !== undefined && { batchId }),
  };
}

/** The prompt of a native request: raw `prompt`, or `messages` through the chat template. */
export function promptOf(body: { prompt?: string | undefined; messages?: readonly ChatMessage[] | undefined }): string {
  return body.prompt ?? renderChatPrompt(body.messages ?? []);
}
