import type { CompletionResult, Engine } from '@threadloom/threading';

/** The plan every call of the scripted engine decodes first: one block of two outlines. */
const TWO_THREAD_PLAN = '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>';

/** Builds the engine's result for one call from its prompt, the scripted text and the stop string it ended on. */
export type ScriptedReply = (prompt: string, text: string, stopReason: string | null) => Promise<CompletionResult>;

interface TwoThreadScript {
  /** What the response boxes after the block. @defaultValue '5' */
  readonly answer?: string;
  /** How many characters longer thread 2 is than thread 1 (unbalanced threads lower η). @defaultValue 0 */
  readonly extra?: number;
  /** @defaultValue one token per character, no token ids */
  readonly reply?: ScriptedReply;
}

const textReply: ScriptedReply = (_prompt, text, stopReason) =>
  Promise.resolve({ text, finishReason: 'stop', stopReason, completionTokens: text.length });

/** A scripted engine: the two-thread plan, each thread ` body`, then `</Parallel>` and `\boxed{answer}`. */
export function twoThreadEngine(script: TwoThreadScript = {}): Engine {
  const { answer = '5', extra = 0, reply = textReply } = script;
  return {
    complete: (request) => {
      if (request.stop.includes('</Thread>')) {
        const padding = request.prompt.endsWith('2:') ? 'x'.repeat(extra) : '';
        return reply(request.prompt, ` body${padding}\n</Thread>`, '</Thread>');
      }
      if (request.prompt.endsWith('</Thread>\n') || request.prompt.endsWith('</Parallel>\n'))
        return reply(request.prompt, `</Parallel>\nso \\boxed{${answer}}`, null);
      return reply(request.prompt, TWO_THREAD_PLAN, '</Outlines>');
    },
  };
}
