import { ValidationFailedError } from '../errors/validation-failed.error.js';

// A Redis stream id (`<ms>` or `<ms>-<seq>`, each at most 20 digits) or `$` (only events from now on).
const STREAM_ID = /^(?:\$|\d{1,20}(?:-\d{1,20})?)$/;

/** Validates the resume point of an event stream (`Last-Event-ID` header, else `?after=`); undefined: from the start. */
export function checkEventCursor(header: string | undefined, query: string | undefined): string | undefined {
  const [field, value] = header !== undefined ? ['Last-Event-ID', header] : ['after', query];
  if (value === undefined || STREAM_ID.test(value)) return value;
  throw new ValidationFailedError([
    {
      field,
      rule: 'format',
      message: "must be an event id from this stream ('<ms>-<seq>', e.g. 1764720000000-0) or '$' for new events only",
    },
  ]);
}
