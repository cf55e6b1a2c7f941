import { createHash } from 'node:crypto';
import { RUNTIME_SCRIPTS } from '@threadloom/queue';
import { createRequire } from 'node:module';

/** SHA1 of every Lua script BullMQ and the runtime send → its name (`bullmq:moveToFinished`, `threadloom:transition`). */
export function scriptNamesBySha(): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const sha = (body: string): string => createHash('sha1').update(body).digest('hex');
  // BullMQ's ESM build imports its scripts without file extensions, which Node's ESM loader refuses; its CJS build loads.
  const bullmqScripts = createRequire(import.meta.url)('bullmq/dist/cjs/scripts/index.js') as object;
  for (const script of Object.values(bullmqScripts) as { name: string; content: string }[])
    names.set(sha(script.content), `bullmq:${script.name}`);
  for (const script of Object.values(RUNTIME_SCRIPTS)) names.set(script.sha, `threadloom:${script.name}`);
  return names;
}
