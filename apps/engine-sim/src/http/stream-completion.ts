import type { ServerResponse } from 'node:http';
import type { CompletionRequest } from './completion-request.js';
import { usageOf, type CompletionChoice, type CompletionEnvelope } from './completion-response.js';
import { promptTokens, type PlannedChoice } from './plan-choices.js';
import type { SimContext } from './sim-context.js';
import type { GenerationJob, GenerationResult } from '../engine/generation-job.js';

/**
 * Server-sent events as vLLM streams completions: one `data: {…}` chunk per generated token (also when
 * its text is empty: vLLM sends a chunk whenever a step produced tokens), the last one with
 * `finish_reason`/`stop_reason`, then a usage chunk with empty `choices` when
 * `stream_options.include_usage`, then `data: [DONE]`. With `return_token_ids` each chunk carries its
 * `token_ids` and a choice's first chunk its `prompt_token_ids`. `reset` destroys the socket halfway
 * through the first choice.
 */
export async function streamCompletion(
  ctx: SimContext,
  request: CompletionRequest,
  choices: readonly PlannedChoice[],
  res: ServerResponse,
  envelope: CompletionEnvelope,
  fault: { reset: boolean; arrivedAt: number },
): Promise<readonly GenerationResult[] | undefined> {
  const abort = new AbortController();
  res.once('close', () => abort.abort());
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  const write = (payload: unknown): void => {
    if (!res.destroyed && !abort.signal.aborted) res.write(`data: ${JSON.stringify(payload)}\n\n`);
  };
  const resetAt = fault.reset ? Math.floor((choices[0]?.decoded.deltas.length ?? 0) / 2) : -1;
  const onToken = (choice: PlannedChoice, i: number): void => {
    if (choice === choices[0] && i === resetAt) {
      // Let what was sent reach the client, then send a TCP reset (not a clean close).
      abort.abort();
      res.write(': reset\n\n', () => res.socket?.resetAndDestroy());
      return;
    }
    const { deltas, finishReason, stopReason } = choice.decoded;
    const last = i === deltas.length - 1;
    const entry: CompletionChoice = {
      index: choice.index,
      text: deltas[i] ?? '',
      logprobs: null,
      finish_reason: last ? finishReason : null,
      stop_reason: last ? stopReason : null,
      prompt_token_ids: request.return_token_ids && i === 0 ? choice.prompt.ids : null,
      token_ids: request.return_token_ids ? [choice.decoded.tokenIds[i] as number] : null,
    };
    write({ ...envelope, choices: [entry] });
  };
  const results = await Promise.all(
    choices.map((c) =>
      ctx.engine.generate({
        ...engineJob(c, request.priority),
        signal: abort.signal,
        arrivedAt: fault.arrivedAt,
        onToken: (i) => onToken(c, i),
      }),
    ),
  );
  if (abort.signal.aborted) return undefined;
  if (request.stream_options?.include_usage) {
    const completion = choices.reduce((a, c) => a + c.decoded.tokenIds.length, 0);
    write({
      ...envelope,
      choices: [],
      usage: usageOf(promptTokens(choices, request.n), completion, results[0]?.cachedTokens ?? 0),
    });
  }
  res.end('data: [DONE]\n\n');
  return results;
}

/** What the engine needs of a planned choice. */
function engineJob(choice: PlannedChoice, priority: number): GenerationJob {
  return {
    promptIds: choice.prompt.ids,
    outputIds: choice.decoded.tokenIds,
    finishReason: choice.decoded.finishReason,
    priority,
  };
}
