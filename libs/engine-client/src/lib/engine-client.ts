import OpenAI, { NotFoundError } from 'openai';
import { loadQwen3Tokenizer, type EngineRequest, type Tokenizer } from '@threadloom/threading';
import { completionBody } from './completion-body.js';
import { toCompletionResult } from './completion-result.js';
import { readCompletionStream, type CompletionChunk } from './completion-stream.js';
import {
  DEFAULT_ENGINE_TIMEOUT_MS,
  type EngineCallOptions,
  type EngineClientOptions,
  type TimedCompletion,
} from './engine-client-options.js';
import { EngineTimeoutError } from './engine-timeout.error.js';
import { engineBaseUrl } from './engine-url.js';
import { RequestAbortedError } from './request-aborted.error.js';
import { capToContext } from './context-cap.js';
import { engineTokenCount } from './prompt-tokens.js';
import { engineTokenize } from './engine-tokenize.js';
import { PromptIds } from './prompt-ids.js';
import { readServedModel, type ServedModelCard } from './served-model.js';

/** Time allowed for `/v1/models` when the model is discovered. */
const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * Streams `/v1/completions` from vLLM (or the simulator) through the openai SDK. SDK retries are
 * off: the one retry layer is the job queue (see classifyEngineError).
 */
export class EngineClient {
  private readonly openai: OpenAI;
  private readonly options: EngineClientOptions;
  private readonly timeoutMs: number;
  private card: Promise<ServedModelCard> | undefined;
  /** Loaded only if an engine ever streams no usage. */
  private fallbackTokenizer: Promise<Tokenizer> | undefined;
  /** Token-exact prompts, with the engine's ids of inserted text remembered. */
  private readonly promptIds = new PromptIds();

  constructor(options: EngineClientOptions) {
    this.options = options;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_ENGINE_TIMEOUT_MS;
    this.openai = new OpenAI({
      baseURL: engineBaseUrl(options.url),
      apiKey: options.apiKey ?? 'EMPTY',
      maxRetries: 0,
      timeout: this.timeoutMs,
    });
  }

  /** Where the engine listens (a GenAI span's `server.address` / `server.port`). */
  get server(): { readonly address: string; readonly port: number } {
    const url = new URL(this.options.url);
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    return { address: url.hostname, port };
  }

  /** The model requests name: the configured one, or the first the engine lists (asked once). */
  async servedModel(): Promise<string> {
    return this.options.model ?? (await this.modelCard()).id;
  }

  /**
   * The served context in tokens: the `maxModelLen` override, else vLLM's `max_model_len` from
   * `/v1/models` (asked once); undefined when the engine does not say (calls are then not capped).
   */
  async servedContext(): Promise<number | undefined> {
    return this.options.maxModelLen ?? (await this.modelCard()).maxModelLen;
  }

  /** `/v1/models`, asked once with the client's key; a failed ask is asked again next time. */
  private modelCard(): Promise<ServedModelCard> {
    const { model } = this.options;
    this.card ??= readServedModel(this.openai, DISCOVERY_TIMEOUT_MS, model).catch((error: unknown) => {
      // An engine without `/v1/models` does not say its context: calls are not capped (its own limit applies).
      if (error instanceof NotFoundError && model !== undefined) return { id: model, maxModelLen: undefined };
      this.card = undefined;
      throw error;
    });
    return this.card;
  }

  /**
   * Decodes one request, its max tokens capped at the served context left (throws ContextFullError when
   * the prompt fills it); throws RequestAbortedError when `signal` aborts, EngineTimeoutError on timeout.
   * With `promptPieces` the prompt goes as token ids (token-exact mode), counted exactly.
   */
  async complete(request: EngineRequest, options: EngineCallOptions = {}): Promise<TimedCompletion> {
    const model = await this.servedModel();
    const maxModelLen = await this.servedContext();
    const promptIds =
      options.promptPieces === undefined
        ? undefined
        : await this.tokenExactPrompt(model, options.promptPieces, options);
    const count = (prompt: string): Promise<number> =>
      promptIds === undefined ? this.countTokens(model, prompt, options) : Promise.resolve(promptIds.length);
    const capped = await capToContext(request, maxModelLen, count);
    const run = (): Promise<TimedCompletion> => this.completeWithin(model, capped, options, promptIds);
    return this.options.around === undefined ? run() : this.options.around({ model, request: capped, options }, run);
  }

  /** The ids of a token-exact prompt: generated ids as returned, inserted text through the engine's `/tokenize`. */
  private tokenExactPrompt(
    model: string,
    pieces: NonNullable<EngineCallOptions['promptPieces']>,
    options: EngineCallOptions,
  ): Promise<number[]> {
    const { signal } = options;
    return this.promptIds.of(pieces, (text) =>
      engineTokenize(this.openai, this.options.url, { model, text, timeoutMs: this.timeoutMs, signal }),
    );
  }

  /** Prompt tokens as the engine counts them (`/tokenize`); the Qwen3 tokenizer when it cannot say. */
  private async countTokens(model: string, prompt: string, options: EngineCallOptions): Promise<number> {
    const counted = await engineTokenCount(this.openai, this.options.url, {
      model,
      prompt,
      timeoutMs: this.timeoutMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    return counted ?? (await (this.fallbackTokenizer ??= loadQwen3Tokenizer())).countTokens(prompt);
  }

  private async completeWithin(
    model: string,
    request: EngineRequest,
    options: EngineCallOptions,
    promptIds: readonly number[] | undefined,
  ): Promise<TimedCompletion> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const { signal } = options;
    try {
      const aborted = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
      return await this.stream(model, request, { ...options, signal: aborted }, promptIds);
    } catch (error) {
      if (signal?.aborted === true)
        throw new RequestAbortedError(String(signal.reason instanceof Error ? signal.reason.message : signal.reason));
      if (timeout.aborted) throw new EngineTimeoutError(this.timeoutMs);
      throw error;
    }
  }

  private async stream(
    model: string,
    request: EngineRequest,
    options: EngineCallOptions & { readonly signal: AbortSignal },
    promptIds: readonly number[] | undefined,
  ): Promise<TimedCompletion> {
    const started = performance.now();
    const { signal } = options;
    const body = completionBody(model, request, options.sampling ?? {}, { priority: options.priority, promptIds });
    const headers = {
      ...options.headers,
      ...(options.requestId === undefined ? {} : { 'X-Request-Id': options.requestId }),
    };
    const chunks = await this.openai.completions.create(body, {
      signal,
      timeout: this.timeoutMs,
      maxRetries: 0,
      headers,
    });
    const streamed = await readCompletionStream(chunks as AsyncIterable<CompletionChunk>);
    const ended = performance.now();
    const firstAt = streamed.firstAt ?? ended;
    // An engine that reports no usage is counted with the Qwen3 tokenizer, and the result says so.
    const fallback =
      streamed.usage?.completion_tokens === undefined
        ? await (this.fallbackTokenizer ??= loadQwen3Tokenizer())
        : undefined;
    return {
      result: toCompletionResult(streamed, request, fallback),
      timeToFirstTokenMs: Math.round(firstAt - started),
      decodeMs: Math.round(ended - firstAt),
    };
  }
}
