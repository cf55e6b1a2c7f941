import OpenAI from 'openai';
import type { CompletionResult, EngineRequest } from '@threadloom/threading';
import { EngineOutputError } from './engine-output.error.js';
import { EngineTimeoutError } from './engine-timeout.error.js';
import { RequestAbortedError } from './request-aborted.error.js';

/** Sampling settings a request carries to the engine. */
export interface Sampling {
  readonly temperature?: number | undefined;
  readonly topP?: number | undefined;
  readonly seed?: number | undefined;
}

/** A completion with the timings the timeline shows. */
export interface TimedCompletion {
  readonly result: CompletionResult;
  readonly timeToFirstTokenMs: number;
  readonly decodeMs: number;
}

/** Options of one engine client (one vLLM / simulator endpoint per worker process). */
export interface EngineClientOptions {
  readonly url: string;
  readonly model: string;
  readonly timeoutMs: number;
  readonly apiKey?: string;
}

interface StreamChunk {
  readonly choices?: readonly {
    readonly text?: string;
    readonly finish_reason?: string | null;
    readonly stop_reason?: string | number | null;
  }[];
  readonly usage?: {
    readonly completion_tokens?: number;
    readonly prompt_tokens?: number;
    readonly prompt_tokens_details?: { readonly cached_tokens?: number } | null;
  } | null;
}

/** vLLM-only request fields (not in the OpenAI types). */
const VLLM_TEXT_MODE = {
  skip_special_tokens: false,
  spaces_between_special_tokens: false,
  include_stop_str_in_output: true,
} as const;

/** Streams `/v1/completions` from vLLM (or the simulator) through the openai SDK, SDK retries off. */
export class EngineClient {
  private readonly openai: OpenAI;
  private readonly options: EngineClientOptions;

  constructor(options: EngineClientOptions) {
    this.options = options;
    const baseURL = options.url.replace(/\/+$/, '').replace(/(?<!\/v1)$/, '/v1');
    this.openai = new OpenAI({ baseURL, apiKey: options.apiKey ?? 'EMPTY', maxRetries: 0, timeout: options.timeoutMs });
  }

  /** Where the engine listens (for the GenAI span's server.address / server.port). */
  get server(): { readonly address: string; readonly port: number } {
    const url = new URL(this.options.url);
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    return { address: url.hostname, port };
  }

  /** Decodes one request; throws RequestAbortedError when `signal` aborts, EngineTimeoutError on timeout. `headers` carry trace context. */
  async complete(
    request: EngineRequest,
    sampling: Sampling,
    signal: AbortSignal,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<TimedCompletion> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);
    try {
      return await this.stream(request, sampling, combined, headers);
    } catch (error) {
      if (signal.aborted)
        throw new RequestAbortedError(String(signal.reason instanceof Error ? signal.reason.message : signal.reason));
      if (timeout.aborted) throw new EngineTimeoutError(this.options.timeoutMs);
      throw error;
    }
  }

  private async stream(
    request: EngineRequest,
    sampling: Sampling,
    signal: AbortSignal,
    headers: Readonly<Record<string, string>>,
  ): Promise<TimedCompletion> {
    const started = performance.now();
    const body = {
      model: this.options.model,
      prompt: request.prompt,
      max_tokens: request.maxTokens,
      stop: request.stop.length > 0 ? [...request.stop] : null,
      temperature: sampling.temperature ?? null,
      top_p: sampling.topP ?? null,
      seed: sampling.seed ?? null,
      stream: true as const,
      stream_options: { include_usage: true },
      ...VLLM_TEXT_MODE,
    };
    const stream = await this.openai.completions.create(body, {
      signal,
      timeout: this.options.timeoutMs,
      maxRetries: 0,
      headers: { ...headers },
    });
    const acc = {
      text: '',
      finish: null as string | null,
      stop: null as string | number | null,
      usage: null as StreamChunk['usage'],
      firstAt: null as number | null,
    };
    for await (const raw of stream) accumulate(acc, raw, performance.now());
    const ended = performance.now();
    const firstAt = acc.firstAt ?? ended;
    return {
      result: toResult(acc.text, acc.finish, acc.stop, acc.usage, request),
      timeToFirstTokenMs: Math.round(firstAt - started),
      decodeMs: Math.round(ended - firstAt),
    };
  }
}

interface Accumulator {
  text: string;
  finish: string | null;
  stop: string | number | null;
  usage: StreamChunk['usage'];
  firstAt: number | null;
}

function accumulate(acc: Accumulator, chunk: StreamChunk, now: number): void {
  const choice = chunk.choices?.[0];
  if (choice?.text !== undefined && choice.text.length > 0) {
    acc.firstAt ??= now;
    acc.text += choice.text;
  }
  if (choice?.finish_reason !== undefined && choice.finish_reason !== null) acc.finish = choice.finish_reason;
  if (choice?.stop_reason !== undefined && choice.stop_reason !== null) acc.stop = choice.stop_reason;
  if (chunk.usage !== undefined && chunk.usage !== null) acc.usage = chunk.usage;
}

/** Validates what the engine streamed into a CompletionResult; invalid output is deterministic. */
export function toResult(
  text: string,
  finish: string | null,
  stop: string | number | null,
  usage: StreamChunk['usage'],
  request: EngineRequest,
): CompletionResult {
  if (finish !== 'stop' && finish !== 'length')
    throw new EngineOutputError(`unexpected finish_reason ${JSON.stringify(finish)}`);
  const stopReason = typeof stop === 'string' ? stop : null;
  if (stopReason !== null && !request.stop.includes(stopReason))
    throw new EngineOutputError(`stop_reason ${JSON.stringify(stopReason)} was not requested`);
  if (stopReason !== null && !text.endsWith(stopReason))
    throw new EngineOutputError(`output does not end with its stop string ${JSON.stringify(stopReason)}`);
  const completionTokens = usage?.completion_tokens;
  if (completionTokens === undefined)
    throw new EngineOutputError('no usage in the stream (stream_options.include_usage ignored?)');
  return {
    text,
    finishReason: finish,
    stopReason,
    completionTokens,
    ...(usage?.prompt_tokens === undefined ? {} : { promptTokens: usage.prompt_tokens }),
    cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}
