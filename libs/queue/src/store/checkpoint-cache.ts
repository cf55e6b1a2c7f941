import { LRUCache } from 'lru-cache';
import type { Checkpoint } from './checkpoint.js';

/**
 * Checkpoints kept per worker process: one per in-flight request is all the hit rate needs (a process
 * runs at most a few dozen jobs at once), and long trajectories make a checkpoint 100+ KB.
 */
const DEFAULT_CAPACITY = 128;

/**
 * Parsed checkpoints by request id, least recently used evicted first (a read refreshes recency). A
 * checkpoint version is written once and never changed (saves are compare-and-set on the version), so
 * a cached (id, version) never goes stale; the threads of one block and their join all read the same
 * version, parsed here once per process.
 */
export class CheckpointCache {
  private readonly entries: LRUCache<string, Checkpoint>;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.entries = new LRUCache({ max: capacity });
  }

  /** The cached version of a request's checkpoint, or -1 when none is cached. */
  version(id: string): number {
    return this.entries.get(id)?.version ?? -1;
  }

  get(id: string, version: number): Checkpoint | undefined {
    const cached = this.entries.get(id);
    return cached?.version === version ? cached : undefined;
  }

  set(id: string, checkpoint: Checkpoint): void {
    this.entries.set(id, checkpoint);
  }
}
