// Public API of @threadloom/engine-client: the one client of a vLLM-compatible completions endpoint,
// used by the worker, the CLI's in-process runtime, the benches and the system tests.
export { completionBody, VLLM_TEXT_MODE } from './lib/completion-body.js';
export type { CompletionBody, VllmSamplingFields } from './lib/completion-body.js';
export { capToContext } from './lib/context-cap.js';
export { ContextFullError } from './lib/context-full.error.js';
export { toCompletionResult } from './lib/completion-result.js';
export { readCompletionStream } from './lib/completion-stream.js';
export type { CompletionChunk, StreamedCompletion } from './lib/completion-stream.js';
export { EngineClient } from './lib/engine-client.js';
export { DEFAULT_ENGINE_TIMEOUT_MS } from './lib/engine-client-options.js';
export type {
  EngineCall,
  EngineCallOptions,
  EngineCallWrapper,
  EngineClientOptions,
  TimedCompletion,
} from './lib/engine-client-options.js';
export { classifyEngineError } from './lib/engine-failure.js';
export type { EngineFailure } from './lib/engine-failure.js';
export { EngineOutputError } from './lib/engine-output.error.js';
export { EngineTimeoutError } from './lib/engine-timeout.error.js';
export { TokenizeUnavailableError } from './lib/tokenize-unavailable.error.js';
export { engineBaseUrl, engineEndpoint } from './lib/engine-url.js';
export { NoServedModelError } from './lib/no-served-model.error.js';
export { readServedModel } from './lib/served-model.js';
export type { ServedModelCard } from './lib/served-model.js';
export { RequestAbortedError } from './lib/request-aborted.error.js';
export { REFERENCE_SAMPLING } from './lib/sampling.js';
export type { Sampling } from './lib/sampling.js';
export { threadingEngine } from './lib/threading-engine.js';
