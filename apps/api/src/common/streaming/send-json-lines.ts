import type { Response } from 'express';

/**
 * Answers 200 with one JSON line per item, written as the items come; stops writing (and leaves the rest
 * unread) once the client has gone.
 */
export async function sendJsonLines<T>(
  res: Response,
  items: AsyncIterable<T> | Iterable<T>,
  toLine: (item: T) => string,
): Promise<void> {
  res.status(200).setHeader('Content-Type', 'application/jsonl; charset=utf-8');
  for await (const item of items) {
    if (res.destroyed) return;
    res.write(toLine(item));
  }
  res.end();
}
