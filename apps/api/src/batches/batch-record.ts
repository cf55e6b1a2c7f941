import type { JobRecord, JobStore } from '../jobs/job-record.js';

/** One submitted line of a batch. */
export interface BatchItem {
  readonly customId: string;
  readonly requestId: string;
  readonly groundTruth?: string | readonly string[];
}

/** What the API stores about a batch (the requests themselves live in the runtime). */
export interface BatchRecord extends JobRecord {
  readonly items: readonly BatchItem[];
}

/** Persistence of batch records. */
export type BatchStore = JobStore<BatchRecord>;

/** DI token of the {@link BatchStore}. */
export const BATCH_STORE = Symbol('BATCH_STORE');
