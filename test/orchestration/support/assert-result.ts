// Shared assertions on finished requests.
import type { RequestView } from '@threadloom/contracts';
import { expect } from 'vitest';

/** Completed, identical text, and every block lists each spawned thread exactly once. */
export function expectIdentical(view: RequestView, expected: string | undefined): void {
  expect(view.status, view.error).toBe('completed');
  expect(view.result?.text).toBe(expected);
  for (const block of view.result?.blocks ?? []) {
    const numbers = block.threads.map((thread) => thread.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const thread of block.threads) expect(thread.status).toBe('completed');
  }
}
