/** One submitted line of a batch. */
export interface BatchItem {
  readonly customId: string;
  readonly requestId: string;
  readonly groundTruth?: string | readonly string[];
}

/** What the API stores about a batch (the requests themselves live in the runtime). */
export interface BatchRecord {
  readonly id: string;
  readonly tenant: string;
  readonly createdAt: number;
  readonly items: readonly BatchItem[];
  readonly cancelledAt?: number;
  /** SHA-256 of the validated lines when created with an Idempotency-Key. */
  readonly bodyHash?: string;
}

/** Persistence of batch records. */
export interface BatchStore {
  save(record: BatchRecord): Promise<void>;
  load(id: string): Promise<BatchRecord | undefined>;
}

/** DI token of the {@link BatchStore}. */
export const BATCH_STORE = Symbol('BATCH_STORE');
