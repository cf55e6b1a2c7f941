/** One streamed `/v1/completions` chunk as vLLM sends it (`stop_reason` is outside the OpenAI types). */
export interface CompletionChunk {
  readonly choices?: readonly {
    readonly text?: string;
    readonly finish_reason?: string | null;
    readonly stop_reason?: string | number | null;
    /** With `return_token_ids`: the prompt's ids (a stream's first chunk of the choice only). */
    readonly prompt_token_ids?: readonly number[] | null;
    /** With `return_token_ids`: the ids generated (a stream chunk's delta; the whole output when not streamed). */
    readonly token_ids?: readonly number[] | null;
  }[];
  readonly usage?: CompletionUsage | null;
}

/** Token counts vLLM reports in the final chunk when `stream_options.include_usage` is set. */
interface CompletionUsage {
  readonly completion_tokens?: number;
  readonly prompt_tokens?: number;
  readonly prompt_tokens_details?: { readonly cached_tokens?: number } | null;
}

/** What a stream added up to, before validation. */
export interface StreamedCompletion {
  text: string;
  finish: string | null;
  stop: string | number | null;
  usage: CompletionUsage | null;
  /** `performance.now()` when the first text arrived. */
  firstAt: number | null;
  /** The prompt ids, when the engine returned them. */
  promptTokenIds: number[] | null;
  /** The generated ids, when the engine returned them (every chunk carried its delta). */
  tokenIds: number[] | null;
}

/** Reads a completion stream to its end. */
export async function readCompletionStream(chunks: AsyncIterable<CompletionChunk>): Promise<StreamedCompletion> {
  const streamed = emptyCompletion();
  for await (const chunk of chunks) addChunk(streamed, chunk, performance.now());
  return streamed;
}

function emptyCompletion(): StreamedCompletion {
  return { text: '', finish: null, stop: null, usage: null, firstAt: null, promptTokenIds: null, tokenIds: null };
}

function addChunk(streamed: StreamedCompletion, chunk: CompletionChunk, now: number): void {
  const choice = chunk.choices?.[0];
  if (choice?.text !== undefined && choice.text.length > 0) {
    streamed.firstAt ??= now;
    streamed.text += choice.text;
  }
  if (choice?.finish_reason !== undefined && choice.finish_reason !== null) streamed.finish = choice.finish_reason;
  if (choice?.stop_reason !== undefined && choice.stop_reason !== null) streamed.stop = choice.stop_reason;
  if (chunk.usage !== undefined && chunk.usage !== null) streamed.usage = chunk.usage;
  if (choice?.prompt_token_ids !== undefined && choice.prompt_token_ids !== null)
    streamed.promptTokenIds = [...choice.prompt_token_ids];
  if (choice?.token_ids !== undefined && choice.token_ids !== null)
    streamed.tokenIds = [...(streamed.tokenIds ?? []), ...choice.token_ids];
}
