import type { ResolvedOptions } from '../config/resolve-options.js';
import type { ContinuationSource } from '../content/continuation-source.js';
import type { SimEngine } from '../engine/sim-engine.js';
import type { PromptEncoder } from '../text/prompt-encoder.js';
import type { SimTokenizer } from '../text/sim-tokenizer.js';
import type { ApiKeyCheck } from './api-key.js';
import type { FaultPicker } from './faults.js';
import type { RequestCapture } from './request-capture.js';

/** Everything a request handler needs from its simulator instance. */
export interface SimContext {
  readonly options: ResolvedOptions;
  readonly tokenizer: SimTokenizer;
  /** Prompt ids, reusing the tokens of recent prompts that share a prefix. */
  readonly prompts: PromptEncoder;
  readonly source: ContinuationSource;
  readonly engine: SimEngine;
  readonly faults: FaultPicker;
  readonly apiKey: ApiKeyCheck;
  readonly capture: RequestCapture | undefined;
  /** Unix seconds the instance started (the `created` of its model card). */
  readonly startedAt: number;
}
