// Turns a request's event stream into Gantt rows: one per sequential step and one per thread, each with
// its queue wait, time to first token and decode time on the request's clock (ms since it was queued).

/** An empty timeline; feed it events in stream order with {@link applyEvent}. */
export function createTimeline() {
  return { origin: undefined, lastAt: 0, readyAt: 0, rows: [], byKey: new Map(), terminal: undefined, applied: 0 };
}

function row(timeline, key, init) {
  let found = timeline.byKey.get(key);
  if (!found) {
    const ordinal = timeline.rows.filter((r) => r.kind === init.kind).length + 1;
    found = { key, state: 'queued', attempts: 0, ordinal, ...init };
    timeline.byKey.set(key, found);
    timeline.rows.push(found);
  }
  return found;
}

function started(target, event, at) {
  target.state = 'running';
  target.startedAt = at;
  target.machine = event.machine;
  target.attempts = Math.max(target.attempts, event.attempt ?? 1);
}

function finished(target, event, at) {
  target.state = 'completed';
  target.finishedAt = at;
  target.machine = event.machine ?? target.machine;
  target.ttftMs = event.timeToFirstTokenMs ?? 0;
  target.decodeMs = event.decodeMs ?? 0;
  target.completionTokens = event.completionTokens;
  target.cachedTokens = event.cachedTokens;
  target.finishReason = event.finishReason;
}

const HANDLERS = {
  queued(timeline, _event, at) {
    timeline.readyAt = at;
  },
  step_started(timeline, event, at) {
    started(row(timeline, `s${event.step}`, { kind: 'step', step: event.step, readyAt: timeline.readyAt }), event, at);
  },
  step_finished(timeline, event, at) {
    finished(row(timeline, `s${event.step}`, { kind: 'step', step: event.step, readyAt: timeline.readyAt }), event, at);
    timeline.readyAt = at;
  },
  fork(timeline, event, at) {
    for (const thread of event.threads ?? [])
      row(timeline, `b${event.block}t${thread}`, { kind: 'thread', block: event.block, thread, readyAt: at });
  },
  thread_started(timeline, event, at) {
    const key = `b${event.block}t${event.thread}`;
    started(row(timeline, key, { kind: 'thread', block: event.block, thread: event.thread, readyAt: at }), event, at);
  },
  thread_finished(timeline, event, at) {
    const key = `b${event.block}t${event.thread}`;
    finished(row(timeline, key, { kind: 'thread', block: event.block, thread: event.thread, readyAt: at }), event, at);
  },
  thread_failed(timeline, event, at) {
    const target = row(timeline, `b${event.block}t${event.thread}`, {
      kind: 'thread',
      block: event.block,
      thread: event.thread,
      readyAt: at,
    });
    target.state = 'failed';
    target.finishedAt = at;
    target.error = event.error;
  },
  join(timeline, _event, at) {
    timeline.readyAt = at;
  },
};

/** Applies one event (`at` in epoch ms); unknown types only move the clock. */
export function applyEvent(timeline, event) {
  timeline.origin ??= event.at;
  const at = event.at - timeline.origin;
  timeline.lastAt = Math.max(timeline.lastAt, at);
  timeline.applied += 1;
  if (['completed', 'failed', 'cancelled', 'expired'].includes(event.type)) timeline.terminal = event.type;
  HANDLERS[event.type]?.(timeline, event, at);
  return timeline;
}

/** The drawn segments of a row at time `now` (ms on the request's clock). */
export function segments(target, now) {
  const parts = [];
  const queueEnd = target.startedAt ?? (target.state === 'failed' ? target.finishedAt : now);
  if (queueEnd > target.readyAt) parts.push({ kind: 'queue', from: target.readyAt, to: queueEnd });
  if (target.startedAt === undefined) return parts;
  if (target.state === 'running') return [...parts, { kind: 'running', from: target.startedAt, to: now }];
  const end = target.finishedAt ?? now;
  const firstToken = Math.min(target.startedAt + (target.ttftMs ?? 0), end);
  parts.push({ kind: 'ttft', from: target.startedAt, to: firstToken });
  parts.push({ kind: target.state === 'failed' ? 'failed' : 'decode', from: firstToken, to: end });
  return parts;
}
