import { z } from 'zod';

/** A comma-separated setting (`a, b,,c`) as its trimmed, non-empty items. */
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** A comma-separated environment variable, `fallback` when unset, parsed by {@link commaList}. */
export function commaListSchema(fallback = '') {
  return z.string().default(fallback).transform(commaList);
}
