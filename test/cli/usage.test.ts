import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.js';

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
});
