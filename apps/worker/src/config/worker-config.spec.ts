import { describe, expect, it } from 'vitest';
import { parseWorkerConfig } from './worker-config.js';

const base = { REDIS_URL: 'redis://127.0.0.1:6379', ENGINE_URL: 'http://127.0.0.1:8000' };

describe('parseWorkerConfig', () => {
  it('applies defaults', () => {
    const parsed = parseWorkerConfig(base);
    expect(parsed.ok && parsed.value).toMatchObject({
      roles: ['reason', 'thread', 'join'],
      keyPrefix: '{threadloom}',
      machineId: 'local',
      concurrency: { reason: 4, thread: 16, join: 16 },
    });
  });

  it('requires AOF unless the development opt-out REQUIRE_AOF=false is set', () => {
    const production = parseWorkerConfig(base);
    expect(production.ok && production.value.requireAof).toBe(true);
    const development = parseWorkerConfig({ ...base, REQUIRE_AOF: 'false' });
    expect(development.ok && development.value.requireAof).toBe(false);
  });

  it('reads roles, concurrency and timings', () => {
    const parsed = parseWorkerConfig({
      ...base,
      WORKER_ROLES: 'thread, reason',
      THREAD_CONCURRENCY: '3',
      SHUTDOWN_GRACE_MS: '500',
      MACHINE_ID: 'gpu-7',
    });
    expect(parsed.ok && parsed.value).toMatchObject({
      roles: ['thread', 'reason'],
      concurrency: { thread: 3 },
      shutdownGraceMs: 500,
      machineId: 'gpu-7',
    });
  });

  it.each([
    [{ ...base, REDIS_URL: undefined }, 'REDIS_URL'],
    [{ ...base, WORKER_ROLES: 'reason,gpu' }, 'WORKER_ROLES'],
    [{ ...base, THREAD_CONCURRENCY: '0' }, 'THREAD_CONCURRENCY'],
    [{ ...base, KEY_PREFIX: 'lane:' }, 'KEY_PREFIX'],
    [{ ...base, ENGINE_MAX_SEQS: '0' }, 'ENGINE_MAX_SEQS'],
    [{ ...base, LANES: '3', KEY_PREFIX: 'plain' }, 'LANES'],
    [{ ...base, LANES: '3', WORKER_LANES: '0,3' }, 'WORKER_LANES'],
    [{ REDIS_URL: base.REDIS_URL, WORKER_ROLES: 'reason' }, 'ENGINE_URL'],
  ])('names the offending variable (%#)', (env, variable) => {
    const parsed = parseWorkerConfig(env);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues.join('\n')).toContain(variable);
  });

  it('consumes every lane by default, or the WORKER_LANES subset', () => {
    const one = parseWorkerConfig(base);
    const all = parseWorkerConfig({ ...base, LANES: '3' });
    const some = parseWorkerConfig({ ...base, LANES: '4', WORKER_LANES: '1-2' });
    expect(one.ok && one.value).toMatchObject({ lanes: 1, workerLanes: [0] });
    expect(all.ok && all.value).toMatchObject({ lanes: 3, workerLanes: [0, 1, 2] });
    expect(some.ok && some.value).toMatchObject({ lanes: 4, workerLanes: [1, 2] });
  });

  it("places jobs by engine load only when the engine's sequence limit is given", () => {
    const off = parseWorkerConfig(base);
    const on = parseWorkerConfig({ ...base, ENGINE_MAX_SEQS: '256', ENGINE_LOAD_POLL_MS: '25' });
    expect(off.ok && off.value).toMatchObject({ engineMaxSeqs: null, engineLoadPollMs: 50 });
    expect(on.ok && on.value).toMatchObject({ engineMaxSeqs: 256, engineLoadPollMs: 25 });
  });

  it('needs no engine for a join-only process', () => {
    expect(parseWorkerConfig({ REDIS_URL: base.REDIS_URL, WORKER_ROLES: 'join' }).ok).toBe(true);
  });

  it('reads the engine settings: key, context override, prompt mode and explicit sampling defaults', () => {
    const defaults = parseWorkerConfig(base);
    expect(defaults.ok && defaults.value.engine).toEqual({
      apiKey: undefined,
      maxModelLen: undefined,
      promptMode: 'text',
      samplingDefaults: { temperature: 1, topP: 1, topK: -1, minP: 0, repetitionPenalty: 1 },
    });
    const set = parseWorkerConfig({
      ...base,
      ENGINE_API_KEY: 'k',
      ENGINE_MAX_MODEL_LEN: '32768',
      ENGINE_PROMPT_MODE: 'token-exact',
      SAMPLING_TEMPERATURE: '0.6',
      SAMPLING_TOP_K: '20',
    });
    expect(set.ok && set.value.engine).toMatchObject({
      apiKey: 'k',
      maxModelLen: 32768,
      promptMode: 'token-exact',
      samplingDefaults: { temperature: 0.6, topK: 20 },
    });
    for (const [name, value] of [
      ['ENGINE_PROMPT_MODE', 'ids'],
      ['SAMPLING_TOP_P', '0'],
      ['ENGINE_MAX_MODEL_LEN', '-1'],
    ]) {
      const bad = parseWorkerConfig({ ...base, [name as string]: value });
      expect(!bad.ok && bad.issues.join('\n')).toContain(name);
    }
  });
});
