// The reference engine for the in-process runtime: plain non-streaming /v1/completions against a simulator or the scripted engine.
import type { CompletionRequest, CompletionResult, Engine } from '@threadloom/threading';

interface CompletionBody {
  readonly choices: readonly {
    readonly text: string;
    readonly finish_reason: string;
    readonly stop_reason?: string | number | null;
  }[];
  readonly usage: { readonly completion_tokens: number; readonly prompt_tokens: number };
}

/** An Engine over HTTP with vLLM's text-mode flags (the same ones the worker sends). */
export function httpEngine(url: string, model = 'threadweaver-sim'): Engine & { calls: number } {
  const engine = {
    calls: 0,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      engine.calls += 1;
      const response = await fetch(`${url}/v1/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model,
          prompt: request.prompt,
          max_tokens: request.maxTokens,
          stop: request.stop.length > 0 ? request.stop : null,
          skip_special_tokens: false,
          spaces_between_special_tokens: false,
          include_stop_str_in_output: true,
        }),
      });
      if (!response.ok) throw new Error(`engine HTTP ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as CompletionBody;
      const choice = body.choices[0]!;
      return {
        text: choice.text,
        finishReason: choice.finish_reason === 'length' ? 'length' : 'stop',
        stopReason: typeof choice.stop_reason === 'string' ? choice.stop_reason : null,
        completionTokens: body.usage.completion_tokens,
        promptTokens: body.usage.prompt_tokens,
      };
    },
  };
  return engine;
}
