/** Types of the events appended to a request's stream, in lifecycle order. */
export const REASONING_EVENT_TYPES = [
  'queued',
  'step_started',
  'step_finished',
  'fork',
  'thread_started',
  'thread_finished',
  'thread_failed',
  'join',
  'completed',
  'failed',
  'cancelled',
  'expired',
] as const;
export type ReasoningEventType = (typeof REASONING_EVENT_TYPES)[number];
