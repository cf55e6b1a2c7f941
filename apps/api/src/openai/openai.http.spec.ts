import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/create-test-app.js';
import { InMemoryReasoningClient } from '../testing/in-memory-reasoning-client.js';

const script = {
  events: [
    { type: 'step_started', data: {} },
    { type: 'step_finished', data: { text: 'Plan.\n<Parallel>\n' } },
    { type: 'fork', data: { outlines: ['a', 'b'] } },
    { type: 'join', data: { text: '<Thread>\n1: a\n</Thread><Thread>\n2: b\n</Thread>\n</Parallel>\n' } },
    { type: 'step_finished', data: { text: 'So \\boxed{7}.' } },
  ],
  text: 'Plan.\n<Parallel>\n<Thread>\n1: a\n</Thread><Thread>\n2: b\n</Thread>\n</Parallel>\nSo \\boxed{7}.',
};

interface Chunk {
  choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: unknown;
}

function chunksOf(body: string): Chunk[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('data: ') && block !== 'data: [DONE]')
    .map((block) => JSON.parse(block.slice(6)) as Chunk);
}

describe('OpenAI facade over HTTP (Nest testing module, in-memory runtime)', () => {
  let app: NestExpressApplication;
  const client = new InMemoryReasoningClient(script);

  beforeAll(async () => {
    app = await createTestApp(client);
  });
  afterAll(async () => {
    await app.close();
  });

  it('streams each piece of text as it becomes final, then finish and usage chunks, then [DONE]', async () => {
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
    expect(deltas).toEqual([
      'Plan.\n<Parallel>\n',
      '<Thread>\n1: a\n</Thread><Thread>\n2: b\n</Thread>\n</Parallel>\n',
      'So \\boxed{7}.',
    ]);
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
