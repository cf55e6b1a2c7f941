// Rollout export rows hold the model's own token ids: every expanded row's prompt and response ids are the
// ids the simulator returned for that engine call (return_token_ids), checked by replaying each captured call;
// every packed row is built from those ids and trains exactly the member's generated ids.
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupervisedProcess } from '@threadloom/devstack';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { capturedRequests, requestsOf } from '../orchestration/support/captured-requests.js';
import { startSim } from '../orchestration/support/stack.js';
import { corpusEntries } from '../support/corpus.js';
import { bearer, KEYS } from './support/api-keys.js';
import { startApiStack, type ApiStack } from './support/api-stack.js';

const alice = { Authorization: bearer(KEYS.alice) };
const problems = corpusEntries()
  .slice(0, 1)
  .map((entry) => ({ custom_id: entry.id, problem: entry.problem, ground_truth: entry.answer }));

interface ReturnedIds {
  readonly prompt: number[];
  readonly output: number[];
}

/** Sends a captured call again, not streamed: the simulator is deterministic for a seeded call. */
async function replay(simUrl: string, body: Record<string, unknown>): Promise<ReturnedIds> {
  const { stream: _stream, stream_options: _options, ...rest } = body;
  const response = await fetch(`${simUrl}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...rest, stream: false }),
  });
  expect(response.status).toBe(200);
  const json = (await response.json()) as { choices: { prompt_token_ids: number[]; token_ids: number[] }[] };
  const choice = json.choices[0]!;
  return { prompt: choice.prompt_token_ids, output: choice.token_ids };
}

async function jsonl(url: string, path: string): Promise<Record<string, unknown>[]> {
  const response = await request(url).get(path).set(alice);
  expect(response.status).toBe(200);
  return response.text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('rollout rows carry the engine’s token ids', () => {
  let dir: string;
  let capture: string;
  let sim: { sim: SupervisedProcess; url: string };
  let env: ApiStack;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tl-rollout-ids-'));
    capture = join(dir, 'requests.jsonl');
    sim = await startSim({ timeScale: 0 }, { SIM_CAPTURE_REQUESTS: capture });
    env = await startApiStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-rollout-ids}',
      machines: 1,
      engineUrl: sim.url,
    });
  });
  afterAll(async () => {
    await env?.stop();
    await sim?.sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives expanded rows the engine’s ids per call and packs them into packed rows that train exactly those generated', async () => {
    const created = await request(env.api.url).post('/v1/rollouts').set(alice).send({ problems, k: 2, seed: 77 });
    expect(created.status).toBe(202);
    const id = created.body.id as string;
    for (let waited = 0; ; waited += 250) {
      const view = await request(env.api.url).get(`/v1/rollouts/${id}`).set(alice);
      if (view.body.status === 'completed') break;
      expect(waited).toBeLessThan(90_000);
      await sleep(250);
    }
    const rows = await jsonl(env.api.url, `/v1/rollouts/${id}/results?format=expanded`);
    const members = [...new Set(rows.map((row) => row['request_id'] as string))];
    expect(members).toHaveLength(2);
    for (const member of members) {
      const memberRows = rows.filter((row) => row['request_id'] === member);
      const calls = requestsOf(capturedRequests(capture), member);
      expect(memberRows).toHaveLength(calls.length);
      expect(memberRows.every((row) => row['token_source'] === 'engine')).toBe(true);
      const returned = await Promise.all(calls.map((call) => replay(sim.url, call.body)));
      const fromRows = memberRows.map((row) => JSON.stringify([row['prompt_ids'], row['response_ids']]));
      const fromEngine = returned.map((ids) => JSON.stringify([ids.prompt, ids.output]));
      expect(fromRows.sort()).toEqual(fromEngine.sort());
    }
    const packed = await jsonl(env.api.url, `/v1/rollouts/${id}/results?format=packed`);
    expect(packed.map((row) => row['request_id']).sort()).toEqual([...members].sort());
    for (const row of packed) {
      expect(row['token_source']).toBe('engine');
      expect(row['ok']).toBe(true);
      const memberRows = rows.filter((expanded) => expanded['request_id'] === row['request_id']);
      const generated = memberRows.flatMap((expanded) => expanded['response_ids'] as number[]);
      const trained = (row['labels'] as number[]).filter((label) => label !== -100);
      expect(trained.length).toBe(generated.length);
      expect(trained.sort((a, b) => a - b)).toEqual(generated.sort((a, b) => a - b));
      expect(row['units']).toBe(memberRows.length);
      expect((row['loss_mask'] as number[]).filter((mask) => mask === 1)).toHaveLength(generated.length);
    }
    // The members fork: some calls are threads, so the packed rows branch (positions restart at a fork).
    expect(rows.some((row) => row['kind'] === 'thread')).toBe(true);
    expect(packed.some((row) => (row['position_ids'] as number[]).some((p, i) => p !== i))).toBe(true);
  });
});
