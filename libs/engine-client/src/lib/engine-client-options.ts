import type { CompletionResult, EngineRequest, PromptPiece } from '@threadloom/threading';
import type { Sampling } from './sampling.js';

/** vLLM's own default request timeout (the openai SDK's too): a long generation must fit. */
export const DEFAULT_ENGINE_TIMEOUT_MS = 600_000;

/** Options of one engine client (one vLLM / simulator endpoint). */
export interface EngineClientOptions {
  /** The engine, as `http://host:port` with or without `/v1`. */
  readonly url: string;
  /** Model to request; when absent, the first one the engine lists at `/v1/models` (asked once). */
  readonly model?: string | undefined;
  /** Per-call limit, covering the whole stream. @defaultValue DEFAULT_ENGINE_TIMEOUT_MS */
  readonly timeoutMs?: number | undefined;
  /**
   * The engine's `--api-key`, sent as `Authorization: Bearer` on every call, model discovery and
   * `/tokenize`; vLLM ignores it unless started with `--api-key`. Never logged. @defaultValue `'EMPTY'`
   */
  readonly apiKey?: string | undefined;
  /** Overrides the served context (vLLM's `max_model_len`) read from `/v1/models`; caps every call. */
  readonly maxModelLen?: number | undefined;
  /** Runs around every completion call: the seam for spans and usage metrics. */
  readonly around?: EngineCallWrapper | undefined;
}

/** Options of one call. */
export interface EngineCallOptions {
  /** Aborts the call; the client then throws RequestAbortedError. */
  readonly signal?: AbortSignal | undefined;
  readonly sampling?: Sampling | undefined;
  /** Extra HTTP headers, e.g. the W3C `traceparent` that lets the engine's request span join the trace. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Sent as `X-Request-Id`: vLLM names the request `cmpl-<id>` in its logs, spans and response. */
  readonly requestId?: string | undefined;
  /** vLLM's request `priority` (lower = earlier); only for an engine started with `--scheduling-policy priority`. */
  readonly priority?: number | undefined;
  /**
   * Token-exact mode: the prompt split into generated ids (sent as returned) and inserted text (tokenized
   * by the engine's `/tokenize`); the prompt then goes as token ids. Their text must be `request.prompt`.
   */
  readonly promptPieces?: readonly PromptPiece[] | undefined;
}

/** A completion with its timings. */
export interface TimedCompletion {
  readonly result: CompletionResult;
  readonly timeToFirstTokenMs: number;
  readonly decodeMs: number;
}

/** What one call sends, as a wrapper sees it. */
export interface EngineCall {
  readonly model: string;
  readonly request: EngineRequest;
  readonly options: EngineCallOptions;
}

/** Wraps each call (e.g. in a span); must return (or rethrow) what `run` does. */
export type EngineCallWrapper = (call: EngineCall, run: () => Promise<TimedCompletion>) => Promise<TimedCompletion>;
