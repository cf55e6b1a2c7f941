// `threadloom rollouts FILE.jsonl` against a real API stack: groups scored, three export files written;
// an unusable file is refused with exit 2 before anything is sent; a rerun of the same command
// returns the same job (Idempotency-Key); 429s are waited out; `status`, `results` and `cancel` take
// the job's rollout_ id.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KEYS } from '../api/support/api-keys.js';
import { startApi, startApiStack, type ApiStack } from '../api/support/api-stack.js';
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

/** Two problems of the examples in a fresh directory; returns the file. */
function problemsFile(): string {
  const input = join(scratchDir(), 'problems.jsonl');
  const problems = readFileSync('examples/problems.jsonl', 'utf8').split('\n').slice(0, 2).join('\n');
  writeFileSync(input, `${problems}\n`);
  return input;
}

const jobOf = (stdout: string) => JSON.parse(stdout) as { id: string; status: string };

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

  it('returns the same job when the same seeded command runs again, and a new one for other settings or no seed', async () => {
    const input = problemsFile();
    const args = ['rollouts', input, '--k', '2', '--seed', '3', '--json'];
    const first = await runCli(args, 120_000, env);
    expect(first.code).toBe(0);
    const again = await runCli(args, 120_000, env);
    expect(again.code).toBe(0);
    expect(jobOf(again.stdout).id).toBe(jobOf(first.stdout).id);
    const other = await runCli(['rollouts', input, '--k', '2', '--seed', '4', '--json'], 120_000, env);
    expect(other.code).toBe(0);
    expect(jobOf(other.stdout).id).not.toBe(jobOf(first.stdout).id);
    // Without a seed each run is a fresh random sample: a new job every time.
    const unseeded = ['rollouts', input, '--k', '2', '--json'];
    const [one, two] = [await runCli(unseeded, 120_000, env), await runCli(unseeded, 120_000, env)];
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(jobOf(two.stdout).id).not.toBe(jobOf(one.stdout).id);
  });

  it('status, results and cancel take a rollout id', async () => {
    const input = problemsFile();
    const run = await runCli(['rollouts', input, '--k', '3', '--seed', '11', '--json'], 120_000, env);
    expect(run.code).toBe(0);
    const { id } = jobOf(run.stdout);
    expect(id).toMatch(/^rollout_/);
    const status = await runCli(['status', id], 30_000, env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`rollout ${id}: completed`);
    expect(status.stdout).toContain('2/2 groups scored');
    expect(status.stdout).toMatch(/accuracy (n\/a|\d+\.\d% \(\d+\/6\))/);
    const json = await runCli(['status', id, '--json'], 30_000, env);
    expect(JSON.parse(json.stdout)).toMatchObject({ id, object: 'rollout', group_counts: { total: 2, scored: 2 } });
    const groups = await runCli(['results', id], 30_000, env);
    expect(groups.code).toBe(0);
    expect(groups.stdout.trim().split('\n')).toHaveLength(2);
    const out = join(scratchDir(), 'packed.jsonl');
    const packed = await runCli(['results', id, '--format', 'packed', '--out', out], 30_000, env);
    expect(packed.code).toBe(0);
    expect(lines(out)).toHaveLength(6);
    expect((await runCli(['results', id, '--format', 'nope'], 30_000, env)).code).toBe(2);
    const cancel = await runCli(['cancel', id, '--json'], 30_000, env);
    expect(cancel.code).toBe(0);
    expect(JSON.parse(cancel.stdout)).toMatchObject({ id, object: 'rollout' });
  });

  it('waits out 429 answers (creation, polls, downloads) and still writes its files', async () => {
    const throttled = await startApi(inject('redisUrl'), prefix, {
      API_RATE_LIMIT_STORE: 'memory',
      API_RATE_LIMIT_PER_SECOND: '1',
      API_RATE_LIMIT_BURST: '1',
    });
    try {
      const input = problemsFile();
      const run = await runCli(['rollouts', input, '--k', '2', '--seed', '21', '--json'], 120_000, {
        ...env,
        THREADLOOM_API_URL: throttled.url,
      });
      expect(run.stderr).toMatch(/threadloom rollouts: \w+ \(429\); waiting \d/);
      expect(run.code).toBe(0);
      expect(jobOf(run.stdout).status).toBe('completed');
      expect(lines(input.replace(/\.jsonl$/, '.rollouts.groups.jsonl'))).toHaveLength(2);
      expect(lines(input.replace(/\.jsonl$/, '.rollouts.packed.jsonl'))).toHaveLength(4);
    } finally {
      await throttled.process.stop(5_000);
    }
  });
});
