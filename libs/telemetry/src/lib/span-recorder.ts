import { diag } from '@opentelemetry/api';
import { scavengeWhileIdle } from './idle-scavenge.js';

/**
 * How long a finished span waits before the SDK records it. Long enough that the recording lands after
 * the burst of work the span belonged to (a fork→join cycle is tens of milliseconds), short next to the
 * batch processor's 5 s export delay, so nothing reaches a collector later than it would have.
 */
export const RECORD_DELAY_MS = 100;

/** Recordings that run at once when this many are waiting, so a busy process holds a bounded backlog. */
const MAX_PENDING = 512;

const pending: (() => void)[] = [];
let timer: NodeJS.Timeout | undefined;

/**
 * Queues `record` (which hands one finished span to the SDK) to run in a batch with the others, off the
 * request path: the SDK's per-span work then neither delays the job's next Redis or engine call nor
 * competes with it for the CPU, and a batch runs the SDK's code hot. Times are captured by the caller.
 */
export function recordLater(record: () => void): void {
  pending.push(record);
  if (pending.length >= MAX_PENDING) {
    flushSpanRecords();
    return;
  }
  timer ??= setTimeout(recordBatch, RECORD_DELAY_MS);
}

/**
 * The timer's batch: records the waiting spans, then (when enabled) collects the garbage recording left
 * while the process is idle, rather than leave it to a scavenge inside the next request.
 */
function recordBatch(): void {
  flushSpanRecords();
  setImmediate(() => scavengeWhileIdle());
}

/** Records every waiting span now (also at shutdown, before the SDK flushes its exporter). */
export function flushSpanRecords(): void {
  clearTimeout(timer);
  timer = undefined;
  for (const record of pending.splice(0)) {
    try {
      record();
    } catch (error) {
      diag.error('threadloom: recording a span failed', error);
    }
  }
}
