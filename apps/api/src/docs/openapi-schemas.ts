import type { ApiBodyOptions } from '@nestjs/swagger';
import { z } from 'zod';
import { batchCreateSchema } from '../batches/batch-request.schema.js';
import { parseApiConfig, type ApiConfig } from '../config/api-config.js';
import { chatCompletionRequestSchema, completionRequestSchema } from '../openai/openai-request.schema.js';
import { reasoningRequestSchema } from '../reasoning/reasoning-request.schema.js';
import { rolloutCreateSchema } from '../rollouts/rollout-request.schema.js';
import { rolloutObjectSchema, rolloutResultLineSchema } from '../rollouts/rollout-response.schema.js';

// Decorators are evaluated before configuration exists, so the documented limits are the defaults.
const parsed = parseApiConfig({ REDIS_URL: 'redis://localhost:6379', API_AUTH_DISABLED: 'true' });
if (!parsed.ok) throw new Error(`default configuration is invalid: ${parsed.issues.join('; ')}`);
const defaults: ApiConfig = parsed.value;

/** An OpenAPI schema object as `@ApiBody` accepts it. */
type SchemaObject = Extract<ApiBodyOptions, { schema: unknown }>['schema'];

const toOpenApi = (schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as SchemaObject;

/**
 * Request-body schemas for the OpenAPI document, generated from the same zod schemas that validate requests,
 * and response schemas generated from the zod schemas the presenters' return types are checked against.
 */
export const openApiSchemas = {
  reasoningRequest: toOpenApi(reasoningRequestSchema(defaults)),
  batchCreate: toOpenApi(batchCreateSchema(defaults)),
  chatCompletion: toOpenApi(chatCompletionRequestSchema(defaults)),
  completion: toOpenApi(completionRequestSchema(defaults)),
  rolloutCreate: toOpenApi(rolloutCreateSchema(defaults)),
  rollout: toOpenApi(rolloutObjectSchema, 'output'),
  rolloutResultLine: toOpenApi(rolloutResultLineSchema, 'output'),
} as const;
