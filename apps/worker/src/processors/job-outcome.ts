/** Outcome of a job, returned as the (tiny) job return value. */
export type JobOutcome = 'done' | 'inactive' | 'replayed' | 'stale' | 'expired' | 'aborted';
