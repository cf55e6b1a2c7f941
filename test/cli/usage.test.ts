import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.js';
import { problemLines, scratchDir } from './support/submit-fixtures.js';

describe('threadloom usage errors', () => {
  it.each([
    [['up', '--machines', '0']],
    [['up', '--time-scale', 'fast']],
    [['up', '--redis-url', 'http://localhost:6379']],
    [['run']],
    [['run', '--problem', 'x', '--engine-url', 'not a url']],
    [['demo', '--no-such-option']],
  ])('%j exits 2 with a message', async (args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error/i);
  });

  it('refuses to submit into a results file of another run whose state file is gone, changing nothing', async () => {
    const dir = scratchDir();
    const input = join(dir, 'problems.jsonl');
    const out = join(dir, 'problems.results.jsonl');
    writeFileSync(input, `${problemLines(2).join('\n')}\n`);
    const earlier = `${JSON.stringify({ id: 'r1', custom_id: 'c1', status: 'completed', response: null, error: null, line: 1 })}\n`;
    writeFileSync(out, earlier);
    // No API listens there: the refusal comes before any request.
    const result = await runCli(['submit', input, '--out', out, '--api-url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${out} already holds 1 results`);
    expect(readFileSync(out, 'utf8')).toBe(earlier);
    expect(existsSync(`${out}.state.json`)).toBe(false);
  });
});
