/** One streamed `/v1/completions` chunk as vLLM sends it (`stop_reason` is outside the OpenAI types). */
export interface CompletionChunk {
  readonly choices?: readonly {
    readonly text?: string;
    readonly finish_reason?: string | null;
    readonly stop_reason?: string | number | null;
  }[];
  readonly usage?: CompletionUsage | null;
}

/** Token counts vLLM reports in the final chunk when `stream_options.include_usage` is set. */
export interface CompletionUsage {
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
}

/** Reads a completion stream to its end. */
export async function readCompletionStream(chunks: AsyncIterable<CompletionChunk>): Promise<StreamedCompletion> {
  const streamed: StreamedCompletion = { text: '', finish: null, stop: null, usage: null, firstAt: null };
  for await (const chunk of chunks) addChunk(streamed, chunk, performance.now());
  return streamed;
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
}
