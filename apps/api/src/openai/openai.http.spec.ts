import type { NestExpressApplication } from '@nestjs/platform-express';
import { requestKeys } from '@threadloom/contracts';
import { startRedisServer, type RunningRedis } from '@threadloom/devstack';
import { createParser } from 'eventsource-parser';
import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/create-test-app.js';
import { InMemoryReasoningClient, type Script } from '../testing/in-memory-reasoning-client.js';

const PREFIX = '{tl-openai-spec}';
const PLAN = 'Plan.\n<Parallel>\n';
const BLOCK = '<Thread>\n1: a\n</Thread><Thread>\n2: b\n</Thread>\n</Parallel>\n';
const ANSWER = 'So \\boxed{7}.';

// What a worker does: commit the response so far (checkpoint), then append the event. Only `fork`
// and `step_started` follow a commit that grew the final text, so only they carry a response.
const script: Script = {
  events: [
    { type: 'step_started', data: { step: 0 } },
    { type: 'step_finished', data: { step: 0 } },
    { type: 'fork', data: { outlines: ['a', 'b'] }, response: PLAN },
    { type: 'thread_finished', data: { thread: '1' } },
    { type: 'thread_finished', data: { thread: '2' } },
    { type: 'join', data: { block: 0 } },
    { type: 'step_started', data: { step: 1 }, response: PLAN + BLOCK },
    { type: 'step_finished', data: { step: 1 } },
  ],
  text: PLAN + BLOCK + ANSWER,
};

interface Chunk {
  choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: unknown;
}

/** The JSON chunks of a whole SSE body (parsed by eventsource-parser), `[DONE]` left out. */
function chunksOf(body: string): Chunk[] {
  const chunks: Chunk[] = [];
  const parser = createParser({
    onEvent: ({ data }) => {
      if (data !== '[DONE]') chunks.push(JSON.parse(data) as Chunk);
    },
  });
  parser.feed(body);
  return chunks;
}

describe('OpenAI facade over HTTP (Nest testing module, scripted runtime, real Redis checkpoints)', () => {
  let app: NestExpressApplication;
  let server: RunningRedis;
  let redis: Redis;
  // The checkpoint as the API's production progress reader (CheckpointResponseProgress) reads it.
  const client = new InMemoryReasoningClient(script, async (id, response) => {
    await redis.set(requestKeys(PREFIX, id).checkpoint, JSON.stringify({ state: { response } }));
  });

  beforeAll(async () => {
    server = await startRedisServer({ appendOnly: false });
    redis = new Redis(server.url);
    app = await createTestApp(client, { REDIS_URL: server.url, KEY_PREFIX: PREFIX });
  });
  afterAll(async () => {
    await app?.close();
    redis?.disconnect();
    await server?.stop();
  });

  it('streams each committed piece of the response as it becomes final, then the rest, finish and usage, then [DONE]', async () => {
    const response = await request(app.getHttpServer())
      .post('/v1/chat/completions')
      .send({
        model: 'threadweaver',
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: [{ type: 'text', text: 'Add 3 and 4.' }] },
        ],
        stream: true,
        stream_options: { include_usage: true },
      })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const body = response.body as string;
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const chunks = chunksOf(body);
    const deltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.content || []);
    // The first two read from the checkpoint after `fork` and the second `step_started`; the last is the
    // result's remainder.
    expect(deltas).toEqual([PLAN, BLOCK, ANSWER]);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { completion_tokens: 30, threadloom: { critical_path_tokens: 20, token_speedup: 1.5 } },
    });
    // The chat template rendered developer as system and joined the text parts.
    expect(client.submissions.at(-1)?.prompt).toBe(
      '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nAdd 3 and 4.<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('answers a text completion with the final text and a boxed answer on the native view', async () => {
    const response = await request(app.getHttpServer())
      .post('/v1/completions')
      .send({ prompt: 'raw prompt', max_completion_tokens: 99 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      object: 'text_completion',
      choices: [{ text: script.text, finish_reason: 'stop' }],
    });
    expect(client.submissions.at(-1)?.parameters).toMatchObject({ maxTokens: 99 });
    const id = (response.body.id as string).replace(/^cmpl-/, '');
    const view = await request(app.getHttpServer()).get(`/v1/reasoning/${id}`);
    expect(view.body.result.answer).toBe('7');
  });

  it('maps options onto the runtime submission', async () => {
    await request(app.getHttpServer())
      .post('/v1/reasoning')
      .send({
        prompt: 'p',
        temperature: 0.6,
        top_p: 0.95,
        top_k: 20,
        min_p: 0.05,
        repetition_penalty: 1.1,
        seed: 7,
        max_tokens: 1000,
        max_tokens_per_thread: 300,
        max_concurrent_threads: 4,
        deadline_ms: 60_000,
        mode: 'sequential',
        on_thread_failure: 'drop',
        priority: 5,
        metadata: { k: 'v' },
      })
      .expect(202);
    expect(client.submissions.at(-1)).toEqual({
      prompt: 'p',
      model: 'threadweaver',
      tenant: 'default',
      metadata: { k: 'v' },
      parameters: {
        temperature: 0.6,
        topP: 0.95,
        topK: 20,
        minP: 0.05,
        repetitionPenalty: 1.1,
        seed: 7,
        maxTokens: 1000,
        maxTokensPerThread: 300,
        maxConcurrentThreads: 4,
        deadlineMs: 60_000,
        mode: 'sequential',
        onThreadFailure: 'drop',
        priority: 5,
      },
    });
  });
});
