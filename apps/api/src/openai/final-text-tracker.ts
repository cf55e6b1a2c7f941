import type { ReasoningEvent } from '@threadloom/contracts';

/** Event types after which a piece of the response is final (a sequential step, or a joined block). */
const FINALIZING_EVENTS: ReadonlySet<string> = new Set(['step_finished', 'join']);

/**
 * Turns progress events into text deltas: an event that finalizes text carries it as `data.text`;
 * whatever was not streamed that way is emitted from the final result, so the streamed total always
 * equals the result text.
 */
export class FinalTextTracker {
  private emitted = '';

  /** The delta an event makes final, if any. */
  push(event: ReasoningEvent): string | undefined {
    const text = event.data['text'];
    if (!FINALIZING_EVENTS.has(event.type) || typeof text !== 'string' || text === '') return undefined;
    this.emitted += text;
    return text;
  }

  /** The rest of the final text (empty when everything was already streamed). */
  finish(finalText: string): string {
    const rest = finalText.startsWith(this.emitted) ? finalText.slice(this.emitted.length) : finalText.slice(Math.min(this.emitted.length, finalText.length));
    this.emitted = finalText;
    return rest;
  }
}
