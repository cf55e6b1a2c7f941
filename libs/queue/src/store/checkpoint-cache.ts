import type { Checkpoint } from './checkpoint.js';

/**
 * Checkpoints kept per worker process: one per in-flight request is all the hit rate needs (a process
 * runs at most a few dozen jobs at once), and long trajectories make a checkpoint 100+ KB.
 */
const DEFAULT_CAPACITY = 128;

/**
 * Parsed checkpoints by request id. A checkpoint version is written once and never changed
 * (saves are compare-and-set on the version), so a cached (id, version) never goes stale; the
 * threads of one block and their join all read the same version, parsed here once per process.
 */
export class CheckpointCache {
  private readonly entries = new Map<string, Checkpoint>();
  private readonly capacity: number;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.capacity = capacity;
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
    // Re-inserting moves the id to the back: Map order is insertion order, so the front is the oldest.
    this.entries.delete(id);
    this.entries.set(id, checkpoint);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
