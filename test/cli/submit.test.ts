import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '@threadloom/devstack';
import { KEYS } from '../api/support/api-keys.js';
import { startApiStack, type ApiStack } from '../api/support/api-stack.js';
import { runCli, spawnCli } from './cli-process.js';
import { countStored, problemLines, resultLines, scratchDir, writeJsonl } from './support/submit-fixtures.js';

const prefix = `{tl-submit-${randomUUID().slice(0, 8)}}`;
let stack: ApiStack;
let redis: Redis;
let env: Record<string, string>;

beforeAll(async () => {
  redis = new Redis(inject('redisUrl'));
  // A small time scale: 50 problems take a few seconds, long enough to interrupt the client mid-way.
  stack = await startApiStack({ redisUrl: inject('redisUrl'), keyPrefix: prefix, machines: 2, timeScale: 0.05 });
  env = { THREADLOOM_API_URL: stack.api.url, THREADLOOM_API_KEY: KEYS.alice };
});

afterAll(async () => {
  await stack?.stop();
  redis?.disconnect();
});

/** Runs `submit` until `results` holds at least `atLeast` lines, then sends `signal`; returns the exit code. */
async function interruptAfter(args: string[], results: string, atLeast: number, signal: NodeJS.Signals) {
  const child = spawnCli(['submit', ...args], env);
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  await expect
    .poll(() => resultLines(results).length, { timeout: 60_000, interval: 20 })
    .toBeGreaterThanOrEqual(atLeast);
  child.kill(signal);
  return { code: await exited, stderr };
}

describe('threadloom submit', () => {
  it('resumes after SIGINT and SIGKILL: exactly 50 results, no line submitted twice', async () => {
    const dir = scratchDir();
    const input = writeJsonl(dir, 'problems.jsonl', problemLines(50));
    const out = join(dir, 'results.jsonl');
    const args = [input, '--out', out, '--ground-truth', 'answer', '--batch-size', '20'];

    const first = await interruptAfter(args, out, 1, 'SIGINT');
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/interrupted with \d+ of 50 results .*run the same command again to resume/);
    const afterFirst = resultLines(out).length;
    expect(afterFirst).toBeLessThan(50);

    const second = await interruptAfter(args, out, afterFirst + 1, 'SIGKILL');
    expect(second.code).toBeNull();
    expect(resultLines(out).length).toBeLessThan(50);

    const last = await runCli(['submit', ...args, '--json'], 90_000, env);
    expect(last.code, last.stderr).toBe(0);
    const summary = JSON.parse(last.stdout) as {
      batches: string[];
      completed: number;
      graded: number;
      correct: number;
    };
    expect(summary).toMatchObject({ completed: 50, graded: 50 });
    expect(summary.batches).toHaveLength(3);
    const lines = resultLines(out);
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((line) => line.id)).size).toBe(50);
    expect(lines.map((line) => line.line).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 50 }, (_v, i) => i + 1),
    );
    expect(await countStored(redis, prefix)).toEqual({ batches: 3, requests: 50 });

    // Done is done: another run submits nothing and reports the same outcome.
    const again = await runCli(['submit', ...args], 60_000, env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/resuming \(50 results already in/);
    expect(again.stdout).toMatch(/\| completed +\| +50 \|/);
    expect(await countStored(redis, prefix)).toEqual({ batches: 3, requests: 50 });
  });

  it('reports malformed and rejected lines by number, runs the rest and exits 1', async () => {
    const dir = scratchDir();
    const [good1, good2] = problemLines(2);
    const rejected = JSON.stringify({ id: 'hot', body: { prompt: 'x', temperature: 9 } });
    const input = writeJsonl(dir, 'mixed.jsonl', [good1!, '{"id": "cut", "problem": ', rejected, good2!]);
    const result = await runCli(['submit', input, '--ground-truth', 'answer'], 60_000, env);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/line 2: not valid JSON .* skipped, the rest runs/);
    expect(result.stderr).toMatch(/line 3: rejected by the API: body\.temperature: .* skipped/);
    expect(result.stdout).toMatch(/\| completed +\| +2 \|/);
    expect(result.stdout).toMatch(/\| +malformed line +\| +1 \|/);
    expect(result.stdout).toMatch(/\| +rejected by the API +\| +1 \|/);
    expect(resultLines(join(dir, 'mixed.results.jsonl')).map((line) => line.line)).toEqual(
      expect.arrayContaining([1, 4]),
    );
  });

  it('exits 4 when the key is refused and 3 when the API cannot be reached, submitting nothing', async () => {
    const dir = scratchDir();
    const input = writeJsonl(dir, 'one.jsonl', problemLines(1));
    const before = await countStored(redis, prefix);
    const refused = await runCli(
      ['submit', input, '--out', join(dir, 'a.jsonl'), '--api-key', 'not-a-key'],
      30_000,
      env,
    );
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/rejected the key .*--api-key or THREADLOOM_API_KEY/);
    const port = await findFreePort();
    const unreachable = await runCli(['submit', input, '--out', join(dir, 'b.jsonl'), '--json'], 30_000, {
      ...env,
      THREADLOOM_API_URL: `http://127.0.0.1:${port}`,
    });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(/cannot reach the threadloom API .*ECONNREFUSED.*--api-url/);
    expect(unreachable.stderr).toContain('run the same command again once the API answers; it resumes.');
    expect(JSON.parse(unreachable.stdout)).toMatchObject({ error: { exit_code: 3 } });
    expect(await countStored(redis, prefix)).toEqual(before);
    expect(existsSync(join(dir, 'missing.jsonl'))).toBe(false);
    const missing = await runCli(['submit', join(dir, 'missing.jsonl')], 30_000, env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*missing\.jsonl: ENOENT/);
  });
});
