// The API as a real process (apps/api/dist/main.js) in front of a local distributed stack.
import { resolve } from 'node:path';
import { spawnNodeProcess, type SupervisedProcess } from '@threadloom/devstack';
import { ROOT } from '../../support/corpus.js';
import { startStack, type Stack } from '../../orchestration/support/stack.js';
import { API_KEYS_ENV } from './api-keys.js';

const API_MAIN = resolve(ROOT, 'apps/api/dist/main.js');
export const MODEL = 'threadweaver-sim';

export interface ApiProcess {
  readonly url: string;
  readonly process: SupervisedProcess;
}

/** Starts the API on a free port; `env` overrides the defaults (quiet logs, the test keys). */
export async function startApi(
  redisUrl: string,
  keyPrefix: string,
  env: Readonly<Record<string, string>> = {},
): Promise<ApiProcess> {
  const process = await spawnNodeProcess(API_MAIN, {
    env: {
      REDIS_URL: redisUrl,
      KEY_PREFIX: keyPrefix,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      API_KEYS: API_KEYS_ENV,
      API_MODELS: MODEL,
      ...env,
    },
    ready: /threadloom-api ready/,
    timeoutMs: 30_000,
  });
  const { url } = JSON.parse(process.readyLine) as { url: string };
  return { url, process };
}

export interface ApiStack {
  readonly api: ApiProcess;
  readonly stack: Stack;
  stop(): Promise<void>;
}

/** Simulated machines + workers + the API, on a private key prefix. */
export async function startApiStack(options: {
  redisUrl: string;
  keyPrefix: string;
  machines?: number;
  timeScale?: number;
  apiEnv?: Record<string, string>;
  /** Extra worker environment (all workers). */
  workerEnv?: Record<string, string>;
  /** One shared engine (e.g. a simulator the test started with its own options) instead of one per machine. */
  engineUrl?: string;
  /** Every worker serves /metrics on a port of its own. */
  metrics?: boolean;
}): Promise<ApiStack> {
  const stack = await startStack({
    redisUrl: options.redisUrl,
    keyPrefix: options.keyPrefix,
    machines: options.machines ?? 2,
    timeScale: options.timeScale ?? 0,
    ...(options.workerEnv !== undefined && { workerEnv: options.workerEnv }),
    ...(options.engineUrl !== undefined && { engineUrl: options.engineUrl }),
    ...(options.metrics !== undefined && { metrics: options.metrics }),
  });
  const api = await startApi(options.redisUrl, options.keyPrefix, options.apiEnv).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  return {
    api,
    stack,
    async stop() {
      await api.process.stop(5_000);
      await stack.stop();
    },
  };
}
