import { toRetryPolicy, type RetryPolicy } from '@threadloom/contracts';
import type { z } from 'zod';
import { apiEnvSchema, type ApiKeyEntry } from './api-config.schema.js';

/** Typed, validated configuration of one API process. */
export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  readonly redisUrl: string;
  /** Seeds of a Redis Cluster (REDIS_CLUSTER_NODES, as the workers take it); empty for one server at `redisUrl`. */
  readonly redisClusterNodes: readonly string[];
  readonly keyPrefix: string;
  /** Lanes new requests are spread over (LANES); lane 0 is `keyPrefix` itself. */
  readonly lanes: number;
  readonly apiKeys: readonly ApiKeyEntry[];
  readonly authDisabled: boolean;
  readonly models: readonly string[];
  readonly limits: {
    readonly bodyBytes: number;
    readonly batchBodyBytes: number;
    readonly promptChars: number;
    readonly messages: number;
    readonly maxTokens: number;
    readonly batchSize: number;
  };
  readonly backpressure: { readonly maxBacklog: number; readonly retryAfterSeconds: number };
  readonly rateLimit: { readonly perSecond: number; readonly burst: number; readonly store: 'redis' | 'memory' };
  readonly waitTimeoutMs: number;
  readonly shutdownGraceMs: number;
  /** Browser origins allowed cross-origin (empty: CORS off); Bull Board without keys only by explicit opt-in. */
  readonly http: { readonly corsOrigins: readonly string[]; readonly adminUiWithoutAuth: boolean };
  /** Live event streams this process serves at once, in all and per API key (over either: 429). */
  readonly streams: { readonly max: number; readonly perKey: number };
  /** Request-path Redis: a command fails after `commandTimeoutMs`; reconnect attempts at most `reconnectMaxMs` apart. */
  readonly redis: { readonly commandTimeoutMs: number; readonly reconnectMaxMs: number };
  /** Attempts per job kind and backoff of the jobs this API adds; the workers read the same variables. */
  readonly retry: RetryPolicy;
  readonly logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

export type ConfigResult = { ok: true; value: ApiConfig } | { ok: false; issues: string[] };

/** Validates an environment; each issue names the variable. Never throws. */
export function parseApiConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  // An empty variable counts as unset (shells and manifests often export `VAR=`).
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = apiEnvSchema.safeParse(set);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(describeIssue) };
  return { ok: true, value: toConfig(parsed.data) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = String(issue.path[0] ?? 'environment');
  const detail = issue.path.length > 1 ? ` (at ${issue.path.slice(1).join('.')})` : '';
  return `${variable}${detail}: ${issue.message}`;
}

function toConfig(env: z.output<typeof apiEnvSchema>): ApiConfig {
  return {
    port: env.PORT,
    host: env.HOST,
    redisUrl: env.REDIS_URL,
    redisClusterNodes: env.REDIS_CLUSTER_NODES,
    keyPrefix: env.KEY_PREFIX,
    lanes: env.LANES,
    apiKeys: env.API_KEYS,
    authDisabled: env.API_AUTH_DISABLED,
    models: env.API_MODELS,
    limits: {
      bodyBytes: env.API_MAX_BODY_BYTES,
      batchBodyBytes: env.API_MAX_BATCH_BODY_BYTES,
      promptChars: env.API_MAX_PROMPT_CHARS,
      messages: env.API_MAX_MESSAGES,
      maxTokens: env.API_MAX_TOKENS,
      batchSize: env.API_MAX_BATCH_SIZE,
    },
    backpressure: { maxBacklog: env.API_MAX_BACKLOG, retryAfterSeconds: env.API_RETRY_AFTER_SECONDS },
    rateLimit: {
      perSecond: env.API_RATE_LIMIT_PER_SECOND,
      burst: env.API_RATE_LIMIT_BURST,
      store: env.API_RATE_LIMIT_STORE,
    },
    waitTimeoutMs: env.API_WAIT_TIMEOUT_MS,
    shutdownGraceMs: env.API_SHUTDOWN_GRACE_MS,
    http: { corsOrigins: env.API_CORS_ORIGINS, adminUiWithoutAuth: env.API_ADMIN_UI_WITHOUT_AUTH },
    streams: { max: env.API_MAX_EVENT_STREAMS, perKey: env.API_MAX_EVENT_STREAMS_PER_KEY },
    redis: { commandTimeoutMs: env.API_REDIS_COMMAND_TIMEOUT_MS, reconnectMaxMs: env.API_REDIS_RECONNECT_MAX_MS },
    retry: toRetryPolicy(env),
    logLevel: env.LOG_LEVEL,
  };
}
