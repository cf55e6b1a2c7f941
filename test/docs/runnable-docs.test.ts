// "A README that cannot rot": every command in README.md and every runnable block of docs/*.md runs
// against a local stack with a small time scale, and its output must keep the shape the document shows.
// The convention is described in CONTRIBUTING.md ("Runnable documentation").
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/corpus.js';
import { docCommands, type DocCommand } from './support/doc-blocks.js';
import { docEnv, runShell, startShell, stopGroup, untrackedFiles } from './support/doc-shell.js';
import { firstMismatch } from './support/output-shape.js';

/** Commands shown in the docs that this test does not run, and why. Each must still be in the docs. */
const EXCLUDED: Readonly<Record<string, string>> = {
  'npm test': 'runs lint, typecheck and every test, this one included (recursion)',
  'npm run demo':
    'starts with scripts/ensure-deps.sh, which may run `npm ci` on the checkout the suite is running from; ' +
    'the demo itself is covered by test/cli/demo.test.ts',
};
/** `threadloom up` serves until stopped: it runs in the background on a free port with a small time scale. */
const SERVER = /threadloom(?: --)? up\b/;
const SERVER_ARGS = ' --port 0 --time-scale 0.02';
/** Files the README's tour writes into the checkout (git-ignored), removed before and after. */
const TOUR_OUTPUTS = /^problems\.results\.jsonl/;

const documents = [
  { name: 'README.md', everyBlock: true },
  ...readdirSync(resolve(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name: `docs/${name}`, everyBlock: false })),
];
const commands: DocCommand[] = documents.flatMap(({ name, everyBlock }) =>
  docCommands(name, readFileSync(resolve(ROOT, name), 'utf8'), everyBlock),
);

let server: ChildProcess | undefined;
let env = docEnv();
const before = untrackedFiles();

function removeTourOutputs(): void {
  for (const name of readdirSync(resolve(ROOT, 'examples')))
    if (TOUR_OUTPUTS.test(name)) rmSync(resolve(ROOT, 'examples', name), { force: true });
}

beforeAll(removeTourOutputs);

afterAll(async () => {
  if (server !== undefined) {
    const exited = new Promise((done) => server!.once('close', done));
    stopGroup(server, 'SIGTERM');
    await exited;
  }
  removeTourOutputs();
  for (const name of untrackedFiles()) if (!before.has(name)) rmSync(resolve(ROOT, name), { force: true });
});

/** Starts the documented `up` in the background and points every later command at its API. */
async function startServer(command: DocCommand): Promise<string> {
  server = startShell(`${command.command}${SERVER_ARGS}`, env);
  let output = '';
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await new Promise<void>((done, fail) => {
    server!.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/stack ready/.test(output)) done();
    });
    server!.once('close', (code) => fail(new Error(`${command.command} exited with ${String(code)}:\n${output}`)));
  });
  env = docEnv({ THREADLOOM_API_URL: /^api +(\S+)$/m.exec(output)![1]! });
  return output;
}

describe('runnable documentation', () => {
  it('finds the commands, and every excluded command is still shown', () => {
    expect(commands.length).toBeGreaterThanOrEqual(6);
    for (const excluded of Object.keys(EXCLUDED)) expect(commands.map((entry) => entry.command)).toContain(excluded);
    expect(commands.filter((entry) => SERVER.test(entry.command))).toHaveLength(1);
  });

  it.each(
    commands
      .filter((entry) => EXCLUDED[entry.command] === undefined)
      .map((entry) => [`${entry.document}:${entry.line} ${entry.command}`, entry]),
  )('%s', async (_title, command) => {
    const result = SERVER.test(command.command)
      ? { code: 0, output: await startServer(command) }
      : await runShell(command.command, env, 90_000);
    expect(result.code, result.output).toBe(command.exitCode);
    const mismatch = firstMismatch(command.shown, result.output);
    expect(mismatch, `no output line has the shape of:\n${mismatch}\n--- output ---\n${result.output}`).toBeUndefined();
  });
});
