import { describe, expect, it } from 'vitest';
import { parseEngineLoad } from './engine-load.js';

describe('parseEngineLoad', () => {
  it('reads the running and waiting gauges of a vLLM exposition, summed over label sets', () => {
    const exposition = [
      '# HELP vllm:num_requests_running Number of requests in model execution batches.',
      '# TYPE vllm:num_requests_running gauge',
      'vllm:num_requests_running{engine="0",model_name="threadweaver"} 6.0',
      'vllm:num_requests_running{engine="1",model_name="threadweaver"} 2.0',
      'vllm:num_requests_waiting{engine="0",model_name="threadweaver"} 3.0',
      'vllm:num_requests_waiting_by_reason{reason="capacity"} 99',
      'vllm:num_requests_swapped 7',
    ].join('\n');
    expect(parseEngineLoad(exposition)).toEqual({ running: 8, waiting: 3 });
  });

  it('reads unlabelled samples', () => {
    expect(parseEngineLoad('vllm:num_requests_running 1\nvllm:num_requests_waiting 0\n')).toEqual({
      running: 1,
      waiting: 0,
    });
  });

  it('is undefined when a gauge is missing or not a number', () => {
    expect(parseEngineLoad('vllm:num_requests_running 1\n')).toBeUndefined();
    expect(parseEngineLoad('vllm:num_requests_running one\nvllm:num_requests_waiting 0')).toBeUndefined();
    expect(parseEngineLoad('<html>not metrics</html>')).toBeUndefined();
  });
});
