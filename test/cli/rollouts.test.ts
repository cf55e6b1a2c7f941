// `threadloom rollouts FILE.jsonl` against a real API stack: groups scored, three export files written;
// an unusable file is refused with exit 2 before anything is sent.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KEYS } from '../api/support/api-keys.js';
import { startApiStack, type ApiStack } from '../api/support/api-stack.js';
import { runCli } from './cli-process.js';
import { scratchDir } from './support/submit-fixtures.js';

const prefix = `{tl-cli-rollouts-${randomUUID().slice(0, 8)}}`;
let stack: ApiStack;
let env: Record<string, string>;

beforeAll(async () => {
  stack = await startApiStack({ redisUrl: inject('redisUrl'), keyPrefix: prefix, machines: 2 });
  env = { THREADLOOM_API_URL: stack.api.url, THREADLOOM_API_KEY: KEYS.alice };
});
afterAll(async () => {
  await stack?.stop();
});

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('threadloom rollouts', () => {
  it('scores k rollouts per problem and writes the groups, packed and expanded rows', async () => {
    const dir = scratchDir();
    const input = join(dir, 'problems.jsonl');
    const problems = readFileSync('examples/problems.jsonl', 'utf8').split('\n').slice(0, 2).join('\n');
    writeFileSync(input, `${problems}\n`);
    const run = await runCli(
      ['rollouts', input, '--k', '3', '--temperature', '0.6', '--seed', '7', '--json'],
      120_000,
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      status: string;
      group_counts: { scored: number };
      files: Record<string, { path: string; lines: number }>;
    };
    expect(summary).toMatchObject({ status: 'completed', group_counts: { total: 2, scored: 2 } });
    const groups = lines(join(dir, 'problems.rollouts.groups.jsonl'));
    expect(groups).toHaveLength(2);
    expect((groups[0]!['members'] as { seed: number }[]).map((member) => member.seed)).toEqual([7, 8, 9]);
    expect(lines(join(dir, 'problems.rollouts.packed.jsonl'))).toHaveLength(6);
    expect(summary.files['expanded']!.lines).toBe(lines(join(dir, 'problems.rollouts.expanded.jsonl')).length);
  });

  it('refuses a file with a line it cannot send, naming the line, and sends nothing', async () => {
    const dir = scratchDir();
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, '{"problem":"1+1?","answer":"2"}\n{"problem":"no truth"}\n');
    const before = await stack.stack.redis.keys(`${prefix}:rgroup:*`);
    const run = await runCli(['rollouts', input], 30_000, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 2: needs a ground truth');
    expect(await stack.stack.redis.keys(`${prefix}:rgroup:*`)).toEqual(before);
  });
});
