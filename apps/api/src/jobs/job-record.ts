/** What the API stores about every multi-request job (batch or rollout); the requests live in the runtime. */
export interface JobRecord {
  readonly id: string;
  readonly tenant: string;
  readonly createdAt: number;
  readonly cancelledAt?: number;
  /** SHA-256 of the validated body when created with an Idempotency-Key. */
  readonly bodyHash?: string;
}

/** Persistence of one kind of job record. */
export interface JobStore<R extends JobRecord> {
  save(record: R): Promise<void>;
  load(id: string): Promise<R | undefined>;
}

/** The kinds of job, also the prefix of their ids (`batch_…`, `rollout_…`). */
export type JobKind = 'batch' | 'rollout';

/** Job records are kept as long as request records (the runtime's default retention). */
export const JOB_RETENTION_SECONDS = 7 * 24 * 3600;
