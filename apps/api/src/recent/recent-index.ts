/** What a tenant's recent-items index holds. */
export type RecentKind = 'request' | 'batch';

/** The most recent request and batch ids per tenant, newest first (what the timeline page lists). */
export interface RecentIndex {
  /** Remembers an id (idempotent: the same id and time add nothing). */
  record(kind: RecentKind, tenant: string, id: string, at: number): Promise<void>;
  /** Up to `limit` ids, newest first. */
  list(kind: RecentKind, tenant: string, limit: number): Promise<string[]>;
}

/** DI token of the {@link RecentIndex}. */
export const RECENT_INDEX = Symbol('RECENT_INDEX');

/** How many ids per tenant and kind the index keeps. */
export const RECENT_CAPACITY = 200;
