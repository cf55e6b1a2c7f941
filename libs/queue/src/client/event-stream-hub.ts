import { setTimeout as sleep } from 'node:timers/promises';
import type { ReasoningEvent } from '@threadloom/contracts';
import type { RedisClient } from '../redis/redis-client.js';
import { duplicateForBlocking } from '../redis/redis-connections.js';
import { compareStreamIds, toEvent } from '../store/stream-entry.js';

/** How long one multiplexed XREAD blocks: also the longest a newly watched stream waits to join it. */
const BLOCK_MS = 300;
/** Pause after a failed read (Redis away) before trying again. */
const RETRY_MS = 250;
const COUNT = 200;

type Listener = (events: readonly ReasoningEvent[]) => void;

interface Watched {
  cursor: string;
  readonly listeners: Set<Listener>;
}

/**
 * One blocking reader per process for every live event stream: a single connection runs
 * `XREAD BLOCK … STREAMS k1 … kn id1 … idn` over all watched streams and hands each batch of entries
 * to that stream's listeners. So N open streams cost one Redis client, not N. The connection is made
 * at the first watch and kept until {@link close}. One XREAD may only name keys of one cluster slot, so
 * streams are read per hash tag (one reader per lane in use).
 */
export class EventStreamHub {
  private readonly watched = new Map<string, Watched>();
  private readonly readers = new Map<string, RedisClient>();
  private readonly running = new Set<string>();
  private closed = false;

  constructor(private readonly connection: RedisClient) {}

  /**
   * Delivers the entries of stream `key` after `cursor` to `listener` as they arrive (possibly some the
   * caller already read: callers drop ids they have passed). Returns the function that stops it.
   */
  watch(key: string, cursor: string, listener: Listener): () => void {
    // A stream already watched keeps its cursor: a later watcher reads what came before it with XRANGE.
    let watched = this.watched.get(key);
    if (watched === undefined) {
      watched = { cursor, listeners: new Set() };
      this.watched.set(key, watched);
    }
    watched.listeners.add(listener);
    this.start(slotGroup(key));
    return () => {
      watched.listeners.delete(listener);
      if (watched.listeners.size === 0 && this.watched.get(key) === watched) this.watched.delete(key);
    };
  }

  /** Streams watched right now (for tests and metrics). */
  get size(): number {
    return this.watched.size;
  }

  close(): void {
    this.closed = true;
    for (const reader of this.readers.values()) reader.disconnect();
  }

  private start(group: string): void {
    if (this.running.has(group) || this.closed) return;
    this.running.add(group);
    void this.loop(group).finally(() => this.running.delete(group));
  }

  private async loop(group: string): Promise<void> {
    while (!this.closed) {
      const keys = [...this.watched.keys()].filter((key) => slotGroup(key) === group);
      if (keys.length === 0) return;
      const cursors = keys.map((key) => this.watched.get(key)!.cursor);
      try {
        const reply = await this.blockingReader(group).xread(
          'COUNT',
          COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...keys,
          ...cursors,
        );
        for (const [key, entries] of reply ?? []) this.deliver(key, entries);
      } catch {
        if (!this.closed) await sleep(RETRY_MS);
      }
    }
  }

  private deliver(key: string, entries: readonly [string, string[]][]): void {
    const watched = this.watched.get(key);
    const last = entries.at(-1);
    if (watched === undefined || last === undefined) return;
    if (compareStreamIds(last[0], watched.cursor) > 0) watched.cursor = last[0];
    const events = entries.map(([id, flat]) => toEvent(id, flat));
    for (const listener of watched.listeners) listener(events);
  }

  private blockingReader(group: string): RedisClient {
    // Blocking commands need their own connection; it waits out outages (offline queue, unlimited retries).
    let reader = this.readers.get(group);
    if (reader === undefined) {
      reader = duplicateForBlocking(this.connection);
      reader.on('error', () => undefined);
      this.readers.set(group, reader);
    }
    return reader;
  }
}

/** The part of a key Redis Cluster hashes: its `{hash tag}` when it has one, else the whole key. */
function slotGroup(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}
