// The `data` of each event in a whole Server-Sent Events body, for streams read to their end in one piece.
import { createParser } from 'eventsource-parser';

/** Each event's `data`, in order, as eventsource-parser reads the body (comments and retries skipped). */
export function sseData(body: string): string[] {
  const data: string[] = [];
  createParser({ onEvent: (event) => data.push(event.data) }).feed(body);
  return data;
}
