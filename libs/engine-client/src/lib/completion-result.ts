import type { CompletionResult, EngineRequest, Tokenizer } from '@threadloom/threading';
import type { StreamedCompletion } from './completion-stream.js';
import { EngineOutputError } from './engine-output.error.js';

type Streamed = Pick<StreamedCompletion, 'text' | 'finish' | 'stop' | 'usage'> &
  Partial<Pick<StreamedCompletion, 'promptTokenIds' | 'tokenIds'>>;

/**
 * Validates what the engine streamed into a CompletionResult; invalid output is deterministic. Without
 * usage in the stream the `fallback` tokenizer counts prompt and output (marked `usageSource: 'tokenizer'`);
 * without a fallback that is invalid output.
 */
export function toCompletionResult(streamed: Streamed, request: EngineRequest, fallback?: Tokenizer): CompletionResult {
  const { text, finish, stop, usage } = streamed;
  if (finish !== 'stop' && finish !== 'length')
    throw new EngineOutputError(`unexpected finish_reason ${JSON.stringify(finish)}`);
  const stopReason = typeof stop === 'string' ? stop : null;
  if (stopReason !== null && !request.stop.includes(stopReason))
    throw new EngineOutputError(`stop_reason ${JSON.stringify(stopReason)} was not requested`);
  if (stopReason !== null && !text.endsWith(stopReason))
    throw new EngineOutputError(`output does not end with its stop string ${JSON.stringify(stopReason)}`);
  const ids = tokenIdsOf(streamed);
  const completionTokens = usage?.completion_tokens;
  if (completionTokens === undefined && fallback !== undefined) {
    const counted = {
      completionTokens: fallback.countTokens(text),
      promptTokens: fallback.countTokens(request.prompt),
    };
    return { text, finishReason: finish, stopReason, ...counted, cachedTokens: 0, usageSource: 'tokenizer', ...ids };
  }
  if (completionTokens === undefined)
    throw new EngineOutputError('no usage in the stream (stream_options.include_usage ignored?)');
  return {
    text,
    finishReason: finish,
    stopReason,
    completionTokens,
    ...(usage?.prompt_tokens === undefined ? {} : { promptTokens: usage.prompt_tokens }),
    cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    ...ids,
  };
}

/** The ids the engine returned, each list only when it is a list of token ids. */
function tokenIdsOf(streamed: Streamed): Pick<CompletionResult, 'promptTokenIds' | 'tokenIds'> {
  const promptTokenIds = streamed.promptTokenIds ?? undefined;
  const tokenIds = streamed.tokenIds ?? undefined;
  if (promptTokenIds !== undefined && !isIdList(promptTokenIds))
    throw new EngineOutputError('prompt_token_ids is not a list of token ids');
  if (tokenIds !== undefined && !isIdList(tokenIds))
    throw new EngineOutputError('token_ids is not a list of token ids');
  return {
    ...(promptTokenIds === undefined ? {} : { promptTokenIds }),
    ...(tokenIds === undefined ? {} : { tokenIds }),
  };
}

function isIdList(ids: readonly unknown[]): boolean {
  return ids.every((id) => Number.isSafeInteger(id) && (id as number) >= 0);
}
