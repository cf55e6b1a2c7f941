import { ValidationFailedError } from '../errors/validation-failed.error.js';

const MAX_LIMIT = 100;

/** Parses an optional `?limit=` of a listing: an integer from 1 to 100, `fallback` when absent. */
export function parseListLimit(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const limit = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
  if (limit >= 1 && limit <= MAX_LIMIT) return limit;
  throw new ValidationFailedError([
    { field: 'limit', rule: 'range', message: `must be an integer from 1 to ${MAX_LIMIT}` },
  ]);
}
