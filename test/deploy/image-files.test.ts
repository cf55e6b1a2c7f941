// The runtime image's file set, built by the script the Dockerfile runs, into a temporary folder:
// compiled code and production dependencies only, and every app starts from it and serves.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnNodeProcess, type SupervisedProcess } from '@threadloom/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/corpus.js';
import { FIGURE6 } from '../support/figure6.js';
import { runBuildScript, type ScriptRun } from './support/build-image-files.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('image file set (scripts/build-image-files.sh)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'threadloom-image-')), 'app');
  const started: SupervisedProcess[] = [];
  let build: ScriptRun;

  beforeAll(async () => {
    build = await runBuildScript([out]);
  }, 240_000);
  afterAll(async () => {
    await Promise.all(started.map((process) => process.stop(5_000)));
    rmSync(resolve(out, '..'), { recursive: true, force: true });
  });

  it('holds compiled apps, the corpus and production dependencies only', () => {
    expect(build.code, build.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.workspaces).toEqual([
      'apps/api',
      'apps/engine-sim',
      'apps/worker',
      'libs/contracts',
      'libs/engine-client',
      'libs/queue',
      'libs/rewards',
      'libs/telemetry',
      'libs/threading',
    ]);
    for (const devOnly of [
      'typescript',
      'vitest',
      'nx',
      'eslint',
      '@swc/core',
      'tsx',
      'node',
      '@threadloom/devstack',
      'supertest',
    ])
      expect(existsSync(join(out, 'node_modules', devOnly)), devOnly).toBe(false);
    for (const runtime of ['bullmq', 'ioredis', '@nestjs/core', 'openai', '@threadloom/queue'])
      expect(existsSync(join(out, 'node_modules', runtime)), runtime).toBe(true);
    // A workspace may carry its own node_modules (a dependency version the root does not hoist): those are
    // production dependencies, not our compiled files.
    const own = [...filesUnder(join(out, 'apps')), ...filesUnder(join(out, 'libs'))].filter(
      (file) => !file.includes('/node_modules/'),
    );
    expect(own.filter((file) => !/\.(js|json|jsonl|txt|html|css)$/.test(file))).toEqual([]);
    expect(own.filter((file) => file.includes('/src/'))).toEqual([]);
    expect(existsSync(join(out, 'apps/engine-sim/corpus/threadweaver-math.jsonl'))).toBe(true);
    expect(existsSync(join(out, 'apps/api/ui/index.html'))).toBe(true);
  });

  it('starts the simulator, a worker and the API from the folder and answers a request through them', async () => {
    const redisUrl = inject('redisUrl');
    const main = (app: string) => join(out, `apps/${app}/dist/main.js`);
    const sim = await spawnNodeProcess(main('engine-sim'), {
      args: ['--port', '0', '--time-scale', '0', '--model', 'threadweaver'],
      ready: /^http:\/\//,
    });
    started.push(sim);
    const common = { REDIS_URL: redisUrl, KEY_PREFIX: '{tl-image-files}' };
    const worker = await spawnNodeProcess(main('worker'), {
      env: { ...common, ENGINE_URL: sim.readyLine.trim(), MACHINE_ID: 'image-files' },
      ready: /^worker ready/,
    });
    started.push(worker);
    const api = await spawnNodeProcess(main('api'), {
      env: { ...common, PORT: '0', HOST: '127.0.0.1', API_AUTH_DISABLED: 'true', LOG_LEVEL: 'warn' },
      ready: /threadloom-api ready/,
    });
    started.push(api);
    const { url } = JSON.parse(api.readyLine) as { url: string };
    const submitted = await fetch(`${url}/v1/reasoning`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: FIGURE6.problem }], model: 'threadweaver' }),
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };
    await expect
      .poll(async () => ((await (await fetch(`${url}/v1/reasoning/${id}`)).json()) as { status: string }).status, {
        timeout: 30_000,
        interval: 100,
      })
      .toBe('completed');
    const done = (await (await fetch(`${url}/v1/reasoning/${id}`)).json()) as {
      result: { text: string; answer: string };
    };
    expect(done.result.answer).toBe('5');
    expect(done.result.text).toBe(FIGURE6.assistant);
    // The timeline page's static files live outside dist/ and must be in the image too.
    expect((await fetch(`${url}/ui/`)).status).toBe(200);
  });

  it('refuses a folder that is not empty and an app that does not exist, and writes nothing', async () => {
    const busy = mkdtempSync(join(tmpdir(), 'threadloom-image-busy-'));
    writeFileSync(join(busy, 'keep.txt'), 'x');
    const notEmpty = await runBuildScript([busy]);
    expect([notEmpty.code, notEmpty.stderr.trim()]).toEqual([1, `build-image-files: ${busy} is not empty`]);
    expect(readdirSync(busy)).toEqual(['keep.txt']);
    const unknown = await runBuildScript([join(busy, 'out'), 'gateway']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      1,
      "build-image-files: no app named 'gateway' (apps/gateway/package.json)",
    ]);
    expect(existsSync(join(busy, 'out'))).toBe(false);
    rmSync(busy, { recursive: true, force: true });
  });

  it('is what the Dockerfile runs: pinned Node 24 base, production files only, non-root, no package manager', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'infra/docker/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^RUN bash scripts\/build-image-files\.sh \/out api worker engine-sim$/m);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^COPY --from=build --chown=root:root \/out \/app$/m);
    expect(runtime).toMatch(/^USER 1000:1000$/m);
    expect(runtime).toMatch(/rm -rf \/usr\/local\/lib\/node_modules\/npm/);
    expect(dockerfile).not.toMatch(/:latest\b/);
    const ignored = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.git']) expect(ignored).toContain(entry);
  });
});
