import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KEYS } from '../api/support/api-keys.js';
import { startApiStack, type ApiStack } from '../api/support/api-stack.js';
import { runCli } from './cli-process.js';
import { countStored, problemLines, resultLines, scratchDir, writeJsonl } from './support/submit-fixtures.js';

const BODY_LIMIT = 3000;
const prefix = `{tl-submit-413-${randomUUID().slice(0, 8)}}`;
let stack: ApiStack;
let redis: Redis;
let env: Record<string, string>;

beforeAll(async () => {
  redis = new Redis(inject('redisUrl'));
  // A body limit that every ordinary line fits and one padded line does not.
  stack = await startApiStack({
    redisUrl: inject('redisUrl'),
    keyPrefix: prefix,
    apiEnv: { API_MAX_BATCH_BODY_BYTES: String(BODY_LIMIT) },
  });
  env = { THREADLOOM_API_URL: stack.api.url, THREADLOOM_API_KEY: KEYS.alice };
});

afterAll(async () => {
  await stack?.stop();
  redis?.disconnect();
});

interface JsonSummary {
  completed: number;
  batches: string[];
  unsent: { line: number; reason: string }[];
}

describe('threadloom submit against a small API body limit', () => {
  it('rejects a line larger than the body limit by number, runs the rest, exits 1 and does not resend it', async () => {
    const dir = scratchDir();
    const lines = problemLines(5);
    const big = JSON.parse(lines[2]!) as { id: string; problem: string; answer: string };
    lines[2] = JSON.stringify({ ...big, problem: `${'Read this carefully. '.repeat(200)}${big.problem}` });
    const input = writeJsonl(dir, 'big.jsonl', lines);
    const out = join(dir, 'results.jsonl');
    const args = ['submit', input, '--out', out, '--ground-truth', 'answer'];
    const limitReason = new RegExp(
      `line 3: rejected by the API: larger than the API's body limit \\(${BODY_LIMIT} bytes`,
    );

    const first = await runCli(args, 60_000, env);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(new RegExp(`${limitReason.source}.* skipped, the rest runs`));
    expect(first.stdout).toMatch(/\| completed +\| +4 \|/);
    expect(first.stdout).toMatch(/\| +rejected by the API +\| +1 \|/);
    const written = resultLines(out);
    expect(written.map((line) => line.line).sort((a, b) => a! - b!)).toEqual([1, 2, 4, 5]);
    expect(written.every((line) => line.status === 'completed')).toBe(true);
    const stored = await countStored(redis, prefix);
    expect(stored.requests).toBe(4);

    // A rerun reports the line again from the saved state and sends nothing new.
    const again = await runCli([...args, '--json'], 60_000, env);
    expect(again.code, again.stderr).toBe(1);
    expect(again.stderr).toMatch(limitReason);
    const summary = JSON.parse(again.stdout) as JsonSummary;
    expect(summary.completed).toBe(4);
    expect(summary.unsent).toEqual([{ line: 3, reason: expect.stringMatching(/larger than the API's body limit/) }]);
    expect(resultLines(out)).toHaveLength(4);
    expect(await countStored(redis, prefix)).toEqual(stored);
  });
});
