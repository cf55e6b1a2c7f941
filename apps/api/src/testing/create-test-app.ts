import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ReasoningClient } from '@threadloom/contracts';
import { AppModule } from '../app.module.js';
import { BATCH_STORE, type BatchRecord, type BatchStore } from '../batches/batch-record.js';
import { JsonLogger } from '../common/logging/json-logger.js';
import { parseApiConfig } from '../config/api-config.js';
import { configureApiApp } from '../create-api-app.js';
import { QUEUE_INSPECTOR, type QueueInspector } from '../queues/queue-inspector.js';
import { REASONING_CLIENT } from '../reasoning/reasoning-client.token.js';
import { RECENT_INDEX } from '../recent/recent-index.js';
import { memoryRecentIndex } from './memory-recent-index.js';

const inspector: QueueInspector = {
  backlog: () => Promise.resolve(0),
  check: () => Promise.resolve({}),
  queues: () => [],
  expositions: () => Promise.resolve([]),
  close: () => Promise.resolve(),
};

function memoryBatchStore(): BatchStore {
  const records = new Map<string, BatchRecord>();
  return {
    save: (record) => Promise.resolve(void records.set(record.id, record)),
    load: (id) => Promise.resolve(records.get(id)),
  };
}

/**
 * The real AppModule with the runtime (client, queues, batches, recent index) replaced by in-memory
 * doubles. The request-path connection still opens `REDIS_URL`: pass a real one where a spec reads
 * through it (the OpenAI facade's progress reader).
 */
export async function createTestApp(
  client: ReasoningClient,
  env: Record<string, string> = {},
): Promise<NestExpressApplication> {
  const parsed = parseApiConfig({
    REDIS_URL: 'redis://127.0.0.1:1',
    API_AUTH_DISABLED: 'true',
    LOG_LEVEL: 'silent',
    API_RATE_LIMIT_STORE: 'memory',
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(parsed.value)] })
    .overrideProvider(REASONING_CLIENT)
    .useValue(client)
    .overrideProvider(QUEUE_INSPECTOR)
    .useValue(inspector)
    .overrideProvider(BATCH_STORE)
    .useValue(memoryBatchStore())
    .overrideProvider(RECENT_INDEX)
    .useValue(memoryRecentIndex())
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: new JsonLogger('silent'),
  });
  configureApiApp(app, parsed.value);
  await app.init();
  return app;
}
