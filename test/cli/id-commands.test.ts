// `threadloom status`, `results` and `cancel` on a finished batch and on one of its requests, as a user runs
// them after `submit`: human and --json output, results to a file, cancel of finished work, an unknown id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KEYS } from '../api/support/api-keys.js';
import { startApiStack, type ApiStack } from '../api/support/api-stack.js';
import { runCli } from './cli-process.js';
import { problemLines, resultLines, scratchDir, writeJsonl } from './support/submit-fixtures.js';

let stack: ApiStack;
let env: Record<string, string>;
let dir: string;
let batchId: string;
let requestId: string;

const cli = (args: readonly string[]) => runCli(args, 60_000, env);

beforeAll(async () => {
  const prefix = `{tl-id-commands-${randomUUID().slice(0, 8)}}`;
  stack = await startApiStack({ redisUrl: inject('redisUrl'), keyPrefix: prefix, machines: 1 });
  env = { THREADLOOM_API_URL: stack.api.url, THREADLOOM_API_KEY: KEYS.alice };
  dir = scratchDir();
  const input = writeJsonl(dir, 'problems.jsonl', problemLines(3));
  const out = join(dir, 'results.jsonl');
  const submitted = await cli(['submit', input, '--out', out, '--ground-truth', 'answer', '--json']);
  expect(submitted.code, submitted.stderr).toBe(0);
  batchId = (JSON.parse(submitted.stdout) as { batches: string[] }).batches[0]!;
  requestId = resultLines(out)[0]!.id;
});

afterAll(async () => {
  await stack?.stop();
});

describe('threadloom status, results and cancel', () => {
  it('shows a finished batch, for people and as JSON', async () => {
    const human = await cli(['status', batchId]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`batch ${batchId}: completed`);
    expect(human.stdout).toMatch(/3 requests: .*3 completed/);
    expect(human.stdout).toMatch(/accuracy [\d.]+% \(\d\/3\)/);
    const json = await cli(['status', batchId, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: batchId, status: 'completed', request_counts: { total: 3 } });
  });

  it('shows one request of it, with its batch and answer', async () => {
    const human = await cli(['status', requestId]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`request ${requestId}: completed (batch ${batchId})`);
    expect(human.stdout).toMatch(/answer \S+ · \d+ generated tokens, critical path \d+/);
    const full = await cli(['results', requestId]);
    expect(JSON.parse(full.stdout)).toMatchObject({ id: requestId, status: 'completed' });
  });

  it("writes a batch's results to a file, one line per request in submission order; a missing folder is a usage error", async () => {
    const out = join(dir, 'exported.jsonl');
    const written = await cli(['results', batchId, '--out', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout.trim()).toBe(`wrote 3 lines to ${out}`);
    const nowhere = join(dir, 'no-such-folder', 'exported.jsonl');
    const refused = await cli(['results', batchId, '--out', nowhere]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`cannot write ${nowhere}: ENOENT`);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { custom_id: string }).custom_id)).toEqual(
      problemLines(3).map((line) => (JSON.parse(line) as { id: string }).id),
    );
  });

  it('keeps finished work finished when cancelled, and exits 1 for an id the key cannot see', async () => {
    const request = await cli(['cancel', requestId, '--json']);
    expect(JSON.parse(request.stdout)).toMatchObject({ id: requestId, status: 'completed' });
    const batch = await cli(['cancel', batchId, '--json']);
    expect(JSON.parse(batch.stdout)).toMatchObject({ id: batchId, status: 'completed', cancelled_at: null });
    const unknown = await cli(['status', 'batch_0000000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/not found/i);
  });
});
