#!/usr/bin/env node
// A bare-fleet worker process for `threadloom bench orchestration`: BullMQ workers with no runtime
// around them, one process per "machine" like the fleet's workers. Configured by BareFleetEnv.
import type { EngineRequest } from '@threadloom/threading';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { createBareEngineCall } from './bare-engine-call.js';
import { BARE_QUEUES, BARE_READY_LINE } from './bare-fleet-env.js';

const env = process.env;
const redisUrl = env['BARE_REDIS_URL'] ?? '';
const role = env['BARE_ROLE'] === 'join' ? 'join' : 'child';
const engineUrl = env['BARE_ENGINE_URL'];
const requests = JSON.parse(env['BARE_THREAD_REQUESTS'] ?? '[]') as EngineRequest[];
const call = engineUrl === undefined ? undefined : createBareEngineCall(engineUrl, env['BARE_MODEL'] ?? '');

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
const wallNow = (): number => performance.timeOrigin + performance.now();

const processor =
  role === 'join'
    ? async (job: Job) => ({ children: Object.keys(await job.getChildrenValues()).length, finishedAt: wallNow() })
    : async (job: Job<{ index: number }>) =>
        call === undefined ? 0 : call(requests[job.data.index % requests.length]!);

const worker = new Worker(BARE_QUEUES[role], processor, {
  connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
  prefix: env['BARE_PREFIX'] ?? '{threadloom-bench-fleet}',
  concurrency: Number(env['BARE_CONCURRENCY'] ?? '1'),
});
worker.on('error', (error) => process.stderr.write(`bare ${role} worker: ${error.message}\n`));
await worker.waitUntilReady();
process.stdout.write(`${BARE_READY_LINE} role=${role}\n`);
process.once('SIGTERM', () => void worker.close().finally(() => process.exit(0)));
