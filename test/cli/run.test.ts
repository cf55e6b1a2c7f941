import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT, runCli } from './cli-process.js';

const USER_OPEN = '<|im_start|>user\n';
const ASSISTANT_OPEN = '<|im_end|>\n<|im_start|>assistant\n';
const EOS = '<|im_end|>';

/** The paper's Figure 6 as a released SFT row would hold it (a byte-exact copy of the spec's test vector). */
function figure6(): { problem: string; assistant: string } {
  const fixture = resolve(ROOT, 'libs/threading/src/lib/orchestration/fixtures/fig6-canonical-sft-text.json');
  const { text } = JSON.parse(readFileSync(fixture, 'utf8')) as { text: string };
  const split = text.indexOf(ASSISTANT_OPEN);
  const assistant = text.slice(split + ASSISTANT_OPEN.length);
  return { problem: text.slice(USER_OPEN.length, split), assistant: assistant.slice(0, assistant.lastIndexOf(EOS)) };
}

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
  const { problem, assistant } = figure6();

  it('--json prints the canonical Figure 6 assistant text from the in-process runtime', async () => {
    const result = await runCli(['run', '--problem', problem, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const run = parseOne(result.stdout);
    expect(run.text).toBe(assistant);
    expect(run.requests).toBe(7);
    expect(run.metrics).toMatchObject({ blocks: 2, withParallel: true });
  });

  it('--distributed prints the identical text through redis, a simulated machine and workers', async () => {
    const result = await runCli(['run', '--problem', problem, '--json', '--distributed', '--redis-url', inject('redisUrl')]);
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
