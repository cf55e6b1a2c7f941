// A batch of 50 through the API: counts, aggregate metrics with accuracy, and streamed JSONL results.
import { renderChatPrompt } from '@threadloom/threading';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { corpusBatchLines } from './support/corpus-lines.js';
import { getJsonLines, waitForJobStatus } from './support/job-http.js';

interface ResultLine {
  custom_id: string;
  correct?: boolean;
  response: { body: { result: { metrics: { promptTokens: number } } } };
}

/** How many engine tokens `prompt` is. */
async function tokenCount(simUrl: string, prompt: string): Promise<number> {
  const response = await request(simUrl).post('/tokenize').send({ prompt });
  expect(response.status).toBe(200);
  return (response.body as { count: number }).count;
}

describe('batches on the distributed runtime', () => {
  let env: ApiStack;
  const alice = { Authorization: bearer(KEYS.alice) };

  beforeAll(async () => {
    env = await startApiStack({ redisUrl: inject('redisUrl'), keyPrefix: '{tl-api-batches}', machines: 2 });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('runs 50 requests, reports counts and aggregates, and streams one result line per request in order', async () => {
    const lines = corpusBatchLines(50);
    const created = await request(env.api.url).post('/v1/batches').set(alice).send(lines);
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ object: 'batch', request_counts: { total: 50 } });

    const done = await waitForJobStatus(env.api.url, `/v1/batches/${created.body.id}`, alice, ['completed']);
    expect(done.body.status).toBe('completed');
    expect(done.body.request_counts).toMatchObject({ total: 50, completed: 50, failed: 0, queued: 0, running: 0 });
    const { metrics } = done.body;
    expect(metrics.graded).toBe(50);
    expect(metrics.accuracy).toBeGreaterThan(0.5);
    expect(metrics.accuracy).toBe(metrics.correct / 50);
    expect(metrics.mean_token_speedup).toBeGreaterThan(1);
    expect(metrics.critical_path_tokens).toBeLessThan(metrics.completion_tokens);
    // Wall clock runs from creation to the last request's settling, the two times the batch reports.
    expect(metrics.wall_clock_ms).toBe(Date.parse(done.body.completed_at) - Date.parse(done.body.created_at));

    const results = await getJsonLines(env.api.url, `/v1/batches/${created.body.id}/results`, alice);
    expect(results.contentType).toContain('application/jsonl');
    const parsed = results.lines as unknown as ResultLine[];
    expect(parsed.map((line) => line.custom_id)).toEqual(lines.map((line) => line.custom_id));
    expect(parsed.filter((line) => line.correct === true)).toHaveLength(metrics.correct);
    // The aggregate prompt tokens are the sum of every request's own.
    const promptTokens = parsed.map((line) => line.response.body.result.metrics.promptTokens);
    expect(metrics.prompt_tokens).toBe(promptTokens.reduce((sum, tokens) => sum + tokens, 0));
    // Each is its own chat prompt (rendered as the API renders it) in the engine's tokens.
    const simUrl = env.stack.machines[0]!.simUrl;
    expect(promptTokens).toEqual(
      await Promise.all(lines.map((line) => tokenCount(simUrl, renderChatPrompt(line.body.messages)))),
    );
    const fig6 = parsed[0];
    expect(fig6).toMatchObject({
      status: 'completed',
      ground_truth: '5',
      correct: true,
      error: null,
      response: { status_code: 200, body: { result: { answer: '5' } } },
    });

    // Cancelling a finished batch changes nothing, as for a finished request.
    const cancelled = await request(env.api.url).post(`/v1/batches/${created.body.id}/cancel`).set(alice);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'completed',
      cancelled_at: null,
      completed_at: done.body.completed_at,
    });
    const after = await request(env.api.url).get(`/v1/batches/${created.body.id}`).set(alice);
    expect(after.body).toMatchObject({ status: 'completed', cancelled_at: null });
  });

  it('hides a batch from other tenants', async () => {
    const created = await request(env.api.url).post('/v1/batches').set(alice).send(corpusBatchLines(1));
    expect(
      (await request(env.api.url).get(`/v1/batches/${created.body.id}`).set('Authorization', bearer(KEYS.bob))).status,
    ).toBe(404);
    expect(
      (await request(env.api.url).get(`/v1/batches/${created.body.id}/results`).set('Authorization', bearer(KEYS.bob)))
        .status,
    ).toBe(404);
  });
});
