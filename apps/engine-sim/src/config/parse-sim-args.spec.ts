import { describe, expect, it } from 'vitest';
import { parseFaultRates } from './parse-fault-rates.js';
import { parseSimArgs } from './parse-sim-args.js';
import { SimConfigError } from './sim-config.error.js';

describe('parseSimArgs', () => {
  it('reads flags, falling back to SIM_* variables', () => {
    expect(
      parseSimArgs(['--port', '9000', '--time-scale', '0.5', '--fault-rate', '503=0.1'], {
        SIM_SEED: '4',
        SIM_MODEL: 'm',
      }),
    ).toEqual({
      port: 9000,
      timeScale: 0.5,
      seed: 4,
      model: 'm',
      faults: { rates: { '503': 0.1 } },
    });
  });

  it('reads the vLLM-style auth, request-id and capture settings', () => {
    expect(
      parseSimArgs(['--enable-request-id-headers', '--capture-requests', '/tmp/r.jsonl'], { VLLM_API_KEY: 'k' }),
    ).toEqual({ apiKey: 'k', enableRequestIdHeaders: true, captureRequests: '/tmp/r.jsonl', faults: {} });
    expect(parseSimArgs(['--api-key', 'a'], { SIM_API_KEY: 'b', SIM_ENABLE_REQUEST_ID_HEADERS: 'true' })).toEqual({
      apiKey: 'a',
      enableRequestIdHeaders: true,
      faults: {},
    });
  });

  it('reads the scheduling policy and synthetic trajectory statistics', () => {
    expect(
      parseSimArgs(['--scheduling-policy', 'priority', '--synthetic', 'blocks=3, threads=4,thread-tokens=250'], {}),
    ).toEqual({
      schedulingPolicy: 'priority',
      synthetic: { blocksPerTrajectory: 3, threadsPerBlock: 4, tokensPerThread: 250 },
      faults: {},
    });
    expect(parseSimArgs([], { SIM_SCHEDULING_POLICY: 'fcfs' })).toEqual({ schedulingPolicy: 'fcfs', faults: {} });
    expect(() => parseSimArgs(['--scheduling-policy', 'lifo'])).toThrow(/fcfs or priority/);
    expect(() => parseSimArgs(['--synthetic', 'blocks=many'])).toThrow(/bad --synthetic entry "blocks=many"/);
    expect(() => parseSimArgs(['--synthetic', 'parallel-ratio=1'])).toThrow(SimConfigError);
  });

  it('rejects unknown flags and non-numbers with SimConfigError', () => {
    expect(() => parseSimArgs(['--nope'])).toThrow(SimConfigError);
    expect(() => parseSimArgs(['--max-running', 'many'])).toThrow(/max-running/);
  });
});

describe('parseFaultRates', () => {
  it('splits one number evenly and parses kind=rate pairs', () => {
    expect(parseFaultRates('0.4')).toEqual({ '500': 0.1, '503': 0.1, reset: 0.1, slow: 0.1 });
    expect(parseFaultRates('reset=0.2, slow=0.3')).toEqual({ reset: 0.2, slow: 0.3 });
    expect(parseFaultRates('context=0.01,500=0.02')).toEqual({ context: 0.01, '500': 0.02 });
    expect(() => parseFaultRates('teapot=1')).toThrow(SimConfigError);
  });
});
