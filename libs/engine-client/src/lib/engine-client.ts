import OpenAI from 'openai';
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
import { firstServedModel } from './served-model.js';

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
  private model: Promise<string> | undefined;
  /** Loaded only if an engine ever streams no usage. */
  private fallbackTokenizer: Promise<Tokenizer> | undefined;

  constructor(options: EngineClientOptions) {
    this.options = options;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_ENGINE_TIMEOUT_MS;
    this.model = options.model === undefined ? undefined : Promise.resolve(options.model);
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
  servedModel(): Promise<string> {
    this.model ??= firstServedModel(this.openai, DISCOVERY_TIMEOUT_MS);
    return this.model;
  }

  /** Decodes one request; throws RequestAbortedError when `signal` aborts, EngineTimeoutError on timeout. */
  async complete(request: EngineRequest, options: EngineCallOptions = {}): Promise<TimedCompletion> {
    const model = await this.servedModel();
    const run = (): Promise<TimedCompletion> => this.completeWithin(model, request, options);
    return this.options.around === undefined ? run() : this.options.around({ model, request, options }, run);
  }

  private async completeWithin(
    model: string,
    request: EngineRequest,
    options: EngineCallOptions,
  ): Promise<TimedCompletion> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const { signal } = options;
    try {
      return await this.stream(
        model,
        request,
        options,
        signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      );
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
    options: EngineCallOptions,
    signal: AbortSignal,
  ): Promise<TimedCompletion> {
    const started = performance.now();
    const body = completionBody(model, request, options.sampling ?? {});
    const chunks = await this.openai.completions.create(body, {
      signal,
      timeout: this.timeoutMs,
      maxRetries: 0,
      ...(options.headers === undefined ? {} : { headers: { ...options.headers } }),
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
