// Boot checks of the worker process: environment validated (fail fast, naming the variable), Redis policy enforced.
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startRedisServer, spawnNodeProcess, type RunningRedis } from '@threadloom/devstack';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/corpus.js';

const WORKER_MAIN = resolve(ROOT, 'apps/worker/dist/main.js');

function runWorker(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [WORKER_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('worker startup', () => {
  let evicting: RunningRedis;

  beforeAll(async () => {
    evicting = await startRedisServer({ appendOnly: false });
    const redis = new Redis(evicting.url);
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    redis.disconnect();
  });
  afterAll(async () => {
    await evicting?.stop();
  });

  it('refuses a missing REDIS_URL and names the variable', () => {
    const { status, stderr } = runWorker({ WORKER_ROLES: 'join' });
    expect(status).toBe(2);
    expect(stderr).toContain('REDIS_URL');
  });

  it('refuses an unknown role and a reason/thread role without ENGINE_URL', () => {
    expect(runWorker({ REDIS_URL: inject('redisUrl'), WORKER_ROLES: 'reason,gpu' }).stderr).toContain('WORKER_ROLES');
    expect(runWorker({ REDIS_URL: inject('redisUrl'), WORKER_ROLES: 'thread' }).stderr).toContain('ENGINE_URL');
  });

  it('refuses to start on a Redis that may evict keys', () => {
    const { status, stderr } = runWorker({ REDIS_URL: evicting.url, WORKER_ROLES: 'join', KEY_PREFIX: '{tl-startup}' });
    expect(status).toBe(1);
    expect(stderr).toContain("maxmemory-policy is 'allkeys-lru'");
  });

  it('refuses a Redis without AOF by default (production), naming the development opt-out', async () => {
    const redis = new Redis(evicting.url);
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    redis.disconnect();
    const { status, stderr } = runWorker({ REDIS_URL: evicting.url, WORKER_ROLES: 'join', KEY_PREFIX: '{tl-startup}' });
    expect(status).toBe(1);
    expect(stderr).toContain('AOF is OFF');
    expect(stderr).toContain('REQUIRE_AOF=false');
    expect(runWorker({ REDIS_URL: evicting.url, WORKER_ROLES: 'join', REQUIRE_AOF: 'yes' }).stderr).toContain(
      'REQUIRE_AOF',
    );
  });

  it('with REQUIRE_AOF=false starts on noeviction, warns loudly that AOF is off, and prints one ready line', async () => {
    const worker = await spawnNodeProcess(WORKER_MAIN, {
      env: {
        REDIS_URL: evicting.url,
        WORKER_ROLES: 'join',
        MACHINE_ID: 'cpu-1',
        KEY_PREFIX: '{tl-startup}',
        METRICS_PORT: '0',
        REQUIRE_AOF: 'false',
      },
      ready: /^worker ready /,
    });
    try {
      expect(worker.readyLine).toBe('worker ready machine=cpu-1 roles=join prefix={tl-startup}');
      expect(worker.output()).toContain('AOF is OFF');
    } finally {
      await worker.stop();
    }
    expect(worker.child.exitCode === 0 || worker.child.signalCode === 'SIGTERM').toBe(true);
  });
});
