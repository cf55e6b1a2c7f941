import type { SimContext } from './sim-context.js';
import type { CompletionRequest } from './completion-request.js';
import type { ResolvedPrompt } from './resolve-prompts.js';
import { decodeCompletion } from '../decode/decode-completion.js';
import type { DecodedCompletion } from '../decode/decode-options.js';
import { hashString } from '../util/hash.js';

/** One choice to generate: its index, prompt and the decoded output. */
export interface PlannedChoice {
  readonly index: number;
  readonly prompt: ResolvedPrompt;
  readonly decoded: DecodedCompletion;
}

/** Decides every choice's output up front (the trajectory is fixed; timing comes later). */
export function planChoices(
  ctx: SimContext,
  request: CompletionRequest,
  prompts: readonly ResolvedPrompt[],
  maxTokens: number,
): PlannedChoice[] {
  const stop =
    request.stop === undefined || request.stop === null
      ? []
      : typeof request.stop === 'string'
        ? [request.stop]
        : request.stop;
  const options = {
    maxTokens,
    stop,
    stopTokenIds: request.stop_token_ids ?? [],
    includeStopStrInOutput: request.include_stop_str_in_output,
    skipSpecialTokens: request.skip_special_tokens,
    spacesBetweenSpecialTokens: request.spaces_between_special_tokens,
  };
  const choices: PlannedChoice[] = [];
  prompts.forEach((prompt, p) => {
    const bySeed = new Map<number | undefined, DecodedCompletion>();
    for (let j = 0; j < request.n; j++) {
      const seed = choiceSeed(request, j, ctx.options.seed);
      let decoded = bySeed.get(seed);
      if (!decoded) {
        // One token more than max_tokens: the walk must see whether the last allowed token is followed by EOS.
        const continuation = ctx.source.continuationOf(prompt.text, maxTokens + 1, seed);
        decoded = decodeCompletion(continuation.tokens, ctx.options.dialect.endOfSequence, options, ctx.tokenizer);
        if (request.echo) decoded = { ...decoded, text: prompt.text + decoded.text };
        bySeed.set(seed, decoded);
      }
      choices.push({ index: p * request.n + j, prompt, decoded });
    }
  });
  return choices;
}

/**
 * The sampling seed of choice `j`: none when greedy (temperature 0); `seed + j` when the request has a
 * seed (vLLM seeds the n child requests so); otherwise none for the first choice (the recording) and an
 * instance-derived one for the others, so the n choices differ as sampled ones do.
 */
function choiceSeed(request: CompletionRequest, j: number, instanceSeed: number): number | undefined {
  if (request.temperature === 0) return undefined;
  if (request.seed !== undefined && request.seed !== null) return request.seed + j;
  return j === 0 ? undefined : hashString(`choice:${j}`, hashString(`instance:${instanceSeed}`));
}

/** Prompt tokens count once per prompt, not once per choice (vLLM). */
export function promptTokens(choices: readonly PlannedChoice[], n: number): number {
  return choices.filter((_, i) => i % n === 0).reduce((a, c) => a + c.prompt.ids.length, 0);
}
