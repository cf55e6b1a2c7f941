// Each app's own boot contract, read from the app (its exported schema and parser), never copied.
import { apiEnvSchema, parseApiConfig, type ApiConfig } from '@threadloom/api';
import { parseSimArgs } from '@threadloom/engine-sim';
import { parseWorkerConfig, workerEnvSchema, type WorkerConfig } from '@threadloom/worker';

interface ObjectSchema {
  readonly shape: Readonly<Record<string, { safeParse(value: unknown): { success: boolean } }>>;
}

/** Variables the schema rejects when absent (no default, not optional). */
function requiredVariables(schema: ObjectSchema): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);
}

/** The variables each app requires at boot. */
export const REQUIRED_VARIABLES = {
  api: requiredVariables(apiEnvSchema),
  worker: requiredVariables(workerEnvSchema),
} as const;

/** The API's parsed configuration, or the issues it would print before exiting. */
export function apiConfig(env: Readonly<Record<string, string>>): ApiConfig {
  const parsed = parseApiConfig(env);
  if (!parsed.ok) throw new Error(`the API would refuse this environment: ${parsed.issues.join('; ')}`);
  return parsed.value;
}

/** The worker's parsed configuration, or the issues it would print before exiting. */
export function workerConfig(env: Readonly<Record<string, string>>): WorkerConfig {
  const parsed = parseWorkerConfig(env);
  if (!parsed.ok) throw new Error(`the worker would refuse this environment: ${parsed.issues.join('; ')}`);
  return parsed.value;
}

/** The simulator's options from its flags (after the entry point) and environment; throws like the app. */
export function simOptions(command: readonly string[], env: Readonly<Record<string, string>>) {
  const entry = command.findIndex((part) => part.endsWith('apps/engine-sim/dist/main.js'));
  return parseSimArgs(command.slice(entry + 1), env);
}
