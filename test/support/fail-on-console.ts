// Stray console output in a test is a bug: it hides real failures in CI logs.
import { afterEach } from 'vitest';

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
const calls: string[] = [];

for (const method of methods) {
  console[method] = (...args: unknown[]) => {
    calls.push(`console.${method}: ${args.map(String).join(' ')}`);
  };
}

afterEach(() => {
  if (calls.length === 0) return;
  const report = calls.splice(0).join('\n');
  throw new Error(`Unexpected console output during the test:\n${report}`);
});
