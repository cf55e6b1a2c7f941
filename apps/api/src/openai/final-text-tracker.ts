import type { ReasoningEvent } from '@threadloom/contracts';

/** Events after which the checkpoint holds newly final text (they are appended after a commit). */
const AFTER_COMMIT_EVENTS: ReadonlySet<string> = new Set(['fork', 'step_started']);

/**
 * Turns progress into text deltas that never need retracting: only a longer final prefix of what was
 * already sent is streamed; whatever is left is emitted from the final result, so the streamed total
 * always equals the result text.
 */
export class FinalTextTracker {
  private emitted = '';

  /** True when, after this event, the final text may have grown and is worth reading. */
  static worthReading(event: ReasoningEvent): boolean {
    return AFTER_COMMIT_EVENTS.has(event.type);
  }

  /** The delta when `finalSoFar` (the whole final text so far) extends what was sent. */
  advance(finalSoFar: string | undefined): string | undefined {
    if (finalSoFar === undefined || finalSoFar.length <= this.emitted.length || !finalSoFar.startsWith(this.emitted))
      return undefined;
    const delta = finalSoFar.slice(this.emitted.length);
    this.emitted = finalSoFar;
    return delta;
  }

  /** The rest of the final text (empty when everything was already streamed). */
  finish(finalText: string): string {
    const rest = finalText.startsWith(this.emitted)
      ? finalText.slice(this.emitted.length)
      : finalText.slice(Math.min(this.emitted.length, finalText.length));
    this.emitted = finalText;
    return rest;
  }
}
