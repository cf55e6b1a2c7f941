import { LRUCache } from 'lru-cache';
import type { Checkpoint } from './checkpoint.js';

/**
 * Checkpoints kept per worker process: one per in-flight request is all the hit rate needs (a process
 * runs at most a few dozen jobs at once), and long trajectories make a checkpoint 100+ KB.
 */
const DEFAULT_CAPACITY = 128;

/** A parsed checkpoint and the save it came from (`<version>:<revision>`). */
interface CachedCheckpoint {
  readonly save: string;
  readonly checkpoint: Checkpoint;
}

/**
 * Parsed checkpoints by request id, least recently used evicted first (a read refreshes recency); the
 * threads of one block and their join all read the same checkpoint, parsed here once per process.
 * Entries are keyed by the save (`<version>:<revision>`, the revision stamp unique per save), not the
 * version alone: Redis that lost acknowledged writes (an AOF rollback after a crash, a failover to a
 * lagging replica) goes back to version N-1, and the redo saves a new version N that may differ from
 * the lost N this process still holds.
 */
export class CheckpointCache {
  private readonly entries: LRUCache<string, CachedCheckpoint>;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.entries = new LRUCache({ max: capacity });
  }

  /** The save of the request's cached checkpoint, or '' when none is cached. */
  save(id: string): string {
    return this.entries.get(id)?.save ?? '';
  }

  get(id: string, save: string): Checkpoint | undefined {
    const cached = this.entries.get(id);
    return cached !== undefined && cached.save === save ? cached.checkpoint : undefined;
  }

  set(id: string, save: string, checkpoint: Checkpoint): void {
    this.entries.set(id, { save, checkpoint });
  }
}
