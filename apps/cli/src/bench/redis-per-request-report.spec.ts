import { describe, expect, it } from 'vitest';
import { redisPerRequestLines } from './redis-per-request-report.js';
import type { RedisPerRequest } from './redis-per-request.js';

const measured: RedisPerRequest = {
  requests: 10,
  seconds: 2,
  monitoredRequests: 5,
  counted: {
    commands: { evalsha: { calls: 20, usec: 400 }, xadd: { calls: 50, usec: 100 } },
    calls: 70,
    usec: 500,
    cpuSeconds: 0.02,
    memoryBytes: 0,
  },
  tally: {
    sent: new Map([
      ['evalsha bullmq:moveToFinished', 10],
      ['xadd', 10],
    ]),
    inScripts: new Map([['bullmq:moveToFinished', 15]]),
    inScriptsByCommand: new Map([['xadd', 15]]),
  },
};

describe('redisPerRequestLines', () => {
  it('divides counted deltas by the counted batch and the tally by the monitored one', () => {
    const lines = redisPerRequestLines(measured, 'probe');
    expect(lines[0]).toBe('probe: 10 requests in 2.0 s, then 5 under MONITOR');
    expect(lines[1]).toMatch(/script-internal calls included\) +7\.0$/);
    expect(lines[2]).toMatch(/ 4\.0 \/ 3\.0$/);
    expect(lines[3]).toContain('(INFO cpu) 2.000 ms, commandstats 50.0 µs');
    expect(lines.find((line) => line.trimStart().startsWith('xadd '))).toMatch(/xadd +5\.0 +3\.0 +10\.0$/);
    expect(lines.find((line) => line.includes('evalsha bullmq:moveToFinished'))).toMatch(/ 2\.0 +3\.0$/);
  });
});
