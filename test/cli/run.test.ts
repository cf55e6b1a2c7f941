import { describe, expect, inject, it } from 'vitest';
import { runCli } from './cli-process.js';
import { FIGURE6 } from '../support/figure6.js';

interface RunJson {
  text: string;
  metrics: Record<string, unknown>;
  requests: number;
}

function parseOne(stdout: string): RunJson {
  const parsed = JSON.parse(stdout) as RunJson;
  expect(Object.keys(parsed).sort()).toEqual(['metrics', 'requests', 'text']);
  return parsed;
}

describe('threadloom run', () => {
  const { problem, assistant } = FIGURE6;

  it('--json prints the canonical Figure 6 assistant text from the in-process runtime', async () => {
    const result = await runCli(['run', '--problem', problem, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const run = parseOne(result.stdout);
    expect(run.text).toBe(assistant);
    expect(run.requests).toBe(7);
    expect(run.metrics).toMatchObject({ blocks: 2, withParallel: true });
  });

  it('--distributed prints the identical text through redis, simulated machines and workers', async () => {
    const result = await runCli([
      'run',
      '--problem',
      problem,
      '--json',
      '--distributed',
      '--redis-url',
      inject('redisUrl'),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const run = parseOne(result.stdout);
    expect(run.text).toBe(assistant);
    expect(run.requests).toBe(7);
  });

  it('prints the trajectory and a metrics table without --json', async () => {
    const result = await runCli(['run', '--problem', problem]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(assistant);
    expect(result.stdout).toMatch(/critical path tokens\s+\d+/);
  });
});
