// Input files and Redis counts for the `threadloom submit` system tests.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { corpusEntries } from '../../support/corpus.js';

/** A fresh directory for one test's files. */
export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'threadloom-submit-'));

/** `count` problem records cycling through the shipped corpus, with unique ids and their answers. */
export function problemLines(count: number): string[] {
  const rows = corpusEntries();
  return Array.from({ length: count }, (_v, index) => {
    const row = rows[index % rows.length]!;
    return JSON.stringify({ id: `${row.id}-${index}`, problem: row.problem, answer: row.answer });
  });
}

/** Writes lines as a JSONL file and returns its path. */
export function writeJsonl(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Complete lines of a results file (none when it does not exist yet). */
export function resultLines(path: string): { id: string; custom_id: string; status: string; line?: number }[] {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as { id: string; custom_id: string; status: string; line?: number });
}

/** Batch records and request records stored under a key prefix. */
export async function countStored(redis: Redis, prefix: string): Promise<{ batches: number; requests: number }> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, page] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...page);
  } while (cursor !== '0');
  const batches = keys.filter((key) => key.startsWith(`${prefix}:batch:`)).length;
  const requests = keys.filter((key) => /^[^:]+:req:[^:]+$/.test(key.replace(prefix, 'P'))).length;
  return { batches, requests };
}
