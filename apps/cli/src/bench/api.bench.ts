import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { spawnNodeProcess, startRedisServer } from '@threadloom/devstack';
import { resolveEntryPoints } from '../stack/entry-points.js';
import type { BenchOutput, BenchSuite } from './bench-suite.js';

const KEY = 'tl-bench-api-key';
const PHASES = [
  { concurrency: 1, requests: 500 },
  { concurrency: 16, requests: 4_000 },
  { concurrency: 64, requests: 8_000 },
] as const;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Submits `requests` reasoning requests with `concurrency` in flight; returns wall seconds and sorted latencies (ms). */
async function load(
  url: string,
  concurrency: number,
  requests: number,
  tag: string,
): Promise<{ seconds: number; latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let next = 0,
    failures = 0;
  const headers = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };
  const lane = async (): Promise<void> => {
    while (next < requests) {
      const index = next++;
      const body = JSON.stringify({
        messages: [{ role: 'user', content: `Benchmark problem ${tag}-${index}: what is ${index} + 1?` }],
        max_tokens: 4096,
      });
      const t0 = performance.now();
      const response = await fetch(`${url}/v1/reasoning`, { method: 'POST', headers, body });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== 202) failures += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), failures };
}

async function runApiBench(output: BenchOutput): Promise<void> {
  const redis = await startRedisServer();
  const api = await spawnNodeProcess(resolveEntryPoints().api, {
    env: {
      REDIS_URL: redis.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      API_KEYS: JSON.stringify([
        {
          name: 'bench',
          sha256: createHash('sha256').update(KEY).digest('hex'),
          tenant: 'bench',
          scopes: ['submit', 'read'],
        },
      ]),
      API_MAX_BACKLOG: '10000000',
      API_RATE_LIMIT_PER_SECOND: '1000000',
      API_RATE_LIMIT_BURST: '1000000',
    },
    ready: /threadloom-api ready/,
    timeoutMs: 30_000,
  });
  try {
    const { url } = JSON.parse(api.readyLine) as { url: string };
    output.line(
      `api: POST /v1/reasoning into an empty queue (one API process, local Redis, no workers; node ${process.version}, ${availableParallelism()} cores)`,
    );
    await load(url, 8, 300, 'warmup');
    for (const { concurrency, requests } of PHASES) {
      const { seconds, latencies, failures } = await load(url, concurrency, requests, `c${concurrency}`);
      const rate = (requests / seconds).toFixed(0).padStart(6);
      output.line(
        `  concurrency ${String(concurrency).padStart(3)}: ${rate} submissions/s   latency p50 ${percentile(latencies, 0.5).toFixed(1)} ms  p99 ${percentile(latencies, 0.99).toFixed(1)} ms  max ${(latencies.at(-1) ?? 0).toFixed(1)} ms  (${requests} requests, ${failures} not 202)`,
      );
    }
  } finally {
    await api.stop();
    await redis.stop();
  }
}

/** `threadloom bench api`: submissions per second and submit latency percentiles of the HTTP API. */
export const API_BENCH: BenchSuite = {
  name: 'api',
  description:
    'submissions per second and p50/p99 submit latency of POST /v1/reasoning (API process + Redis, no workers)',
  run: runApiBench,
};
