// System tests run against real processes: build every project once, then start a private Redis.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startRedisServer, type RunningRedis } from '@threadloom/devstack';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let redis: RunningRedis | undefined;

export async function setup(project: TestProject): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  execFileSync(resolve(root, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  redis = await startRedisServer();
  project.provide('redisUrl', redis.url);
}

export async function teardown(): Promise<void> {
  await redis?.stop();
}
