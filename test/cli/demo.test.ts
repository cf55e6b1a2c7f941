import { describe, expect, inject, it } from 'vitest';
import { runCli } from './cli-process.js';

describe('threadloom demo', () => {
  it('runs a sample of the shipped corpus through the API on 3 simulated machines and prints a summary', async () => {
    const result = await runCli(['demo', '--limit', '6', '--time-scale', '0', '--redis-url', inject('redisUrl')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\| completed +\| +6 \|/);
    expect(result.stdout).toMatch(/\| failed +\| +0 \|/);
    expect(result.stdout).toMatch(/\| accuracy +\| +[\d.]+% \|/);
    expect(result.stdout).toMatch(/\| mean token speedup +\| +[\d.]+× \|/);
    expect(result.stdout).toContain('stack stopped');
  });
});
