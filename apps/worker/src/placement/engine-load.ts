import { sampleValue } from './prometheus-samples.js';

/** Sequences an engine holds: decoding now and queued for a slot (vLLM's scheduler gauges). */
interface EngineLoad {
  readonly running: number;
  readonly waiting: number;
}

const GAUGES = { running: 'vllm:num_requests_running', waiting: 'vllm:num_requests_waiting' } as const;

/**
 * Reads the running and waiting gauges from a Prometheus text exposition of vLLM (or the simulator),
 * summed over label sets (vLLM labels them per engine and model); undefined when either is missing.
 */
export function parseEngineLoad(exposition: string): EngineLoad | undefined {
  const totals = { running: Number.NaN, waiting: Number.NaN };
  for (const line of exposition.split('\n')) {
    for (const key of ['running', 'waiting'] as const) {
      const value = sampleValue(line, GAUGES[key]);
      if (value !== undefined) totals[key] = (Number.isNaN(totals[key]) ? 0 : totals[key]) + value;
    }
  }
  return Number.isNaN(totals.running) || Number.isNaN(totals.waiting) ? undefined : totals;
}
