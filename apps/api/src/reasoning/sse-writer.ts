import type { ReasoningEvent } from '@threadloom/contracts';
import type { Response } from 'express';

const HEARTBEAT_MS = 15_000;

/** Starts a Server-Sent Events response (no buffering by proxies). */
export function openEventStream(res: Response): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
}

/** Formats one event; its `id` lets a reconnecting client resume with `Last-Event-ID`. */
function formatEvent(event: ReasoningEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify({ type: event.type, at: event.at, ...event.data })}\n\n`;
}

/** Writes every event, with heartbeat comments, until the iterable ends or the client leaves. */
export async function pipeEvents(res: Response, events: AsyncIterable<ReasoningEvent>): Promise<void> {
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  try {
    for await (const event of events) {
      if (res.writableEnded || res.destroyed) break;
      res.write(formatEvent(event));
    }
  } finally {
    clearInterval(heartbeat);
    if (!res.writableEnded) res.end();
  }
}
