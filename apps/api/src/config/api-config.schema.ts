import {
  commaListSchema,
  DEFAULT_MODEL,
  keyLayoutEnvShape,
  laneLayoutIssues,
  redisClusterEnvShape,
  retryEnvShape,
} from '@threadloom/contracts';
import { z } from 'zod';

/** Scopes an API key may hold. */
export const API_SCOPES = ['submit', 'read', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** One configured API key: only the SHA-256 of the key is stored. */
const apiKeyEntrySchema = z
  .object({
    name: z.string().min(1).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256 digest'),
    tenant: z.string().min(1).max(128),
    scopes: z.array(z.enum(API_SCOPES)).min(1),
    rateLimitPerSecond: z.number().positive().optional(),
  })
  .strict();
export type ApiKeyEntry = z.infer<typeof apiKeyEntrySchema>;

const int = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);
const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const apiKeysSchema = z
  .string()
  .default('[]')
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {sha256, tenant, scopes}' });
      return z.NEVER;
    }
  })
  .pipe(z.array(apiKeyEntrySchema));

// Browser origins allowed to call the API cross-origin: exact origins (scheme://host[:port]), comma-separated.
const originListSchema = commaListSchema().pipe(
  z.array(
    z.string().refine((entry) => URL.canParse(entry) && new URL(entry).origin === entry, {
      message: 'each entry must be an exact origin such as https://app.example.com (no path, no wildcard)',
    }),
  ),
);

/** The environment contract of `apps/api/dist/main.js`; every variable is validated at boot. */
export const apiEnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }),
    ...redisClusterEnvShape,
    ...keyLayoutEnvShape,
    API_KEYS: apiKeysSchema,
    API_AUTH_DISABLED: flag,
    API_MODELS: commaListSchema(DEFAULT_MODEL).pipe(z.array(z.string()).min(1)),
    API_MAX_BODY_BYTES: int(1_048_576),
    API_MAX_BATCH_BODY_BYTES: int(16_777_216),
    API_MAX_PROMPT_CHARS: int(200_000),
    API_MAX_MESSAGES: int(256),
    API_MAX_TOKENS: int(1_000_000),
    API_MAX_BATCH_SIZE: int(5_000),
    API_MAX_BACKLOG: int(10_000),
    API_RETRY_AFTER_SECONDS: int(2),
    API_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(100),
    API_RATE_LIMIT_BURST: int(200),
    API_RATE_LIMIT_STORE: z.enum(['redis', 'memory']).default('redis'),
    API_WAIT_TIMEOUT_MS: int(600_000),
    API_SHUTDOWN_GRACE_MS: int(10_000, 0),
    API_CORS_ORIGINS: originListSchema,
    API_ADMIN_UI_WITHOUT_AUTH: flag,
    API_MAX_EVENT_STREAMS: int(2_000),
    API_MAX_EVENT_STREAMS_PER_KEY: int(100),
    API_REDIS_COMMAND_TIMEOUT_MS: int(2_000),
    API_REDIS_RECONNECT_MAX_MS: int(1_000),
    ...retryEnvShape,
    LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
  })
  .superRefine((env, ctx) => {
    for (const message of laneLayoutIssues(env.KEY_PREFIX, env.LANES))
      ctx.addIssue({ code: 'custom', path: ['LANES'], message: message.replace(/^LANES: /, '') });
    if (env.API_KEYS.length === 0 && !env.API_AUTH_DISABLED) {
      ctx.addIssue({
        code: 'custom',
        path: ['API_KEYS'],
        message: 'at least one key is required (or set API_AUTH_DISABLED=true for development)',
      });
    }
  });
