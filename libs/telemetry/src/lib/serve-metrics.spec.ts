import { describe, expect, it } from 'vitest';
import { joinExpositions } from './serve-metrics.js';

describe('joinExpositions', () => {
  it('keeps one HELP and TYPE line per metric and every sample', () => {
    const queue = (name: string) =>
      `# HELP bullmq_job_count Jobs\n# TYPE bullmq_job_count gauge\nbullmq_job_count{queue="${name}", state="wait"} 1`;
    const joined = joinExpositions(['# TYPE a counter\na 1\n', queue('reason'), queue('thread')]);
    expect(joined).toBe(
      [
        '# TYPE a counter',
        'a 1',
        '# HELP bullmq_job_count Jobs',
        '# TYPE bullmq_job_count gauge',
        'bullmq_job_count{queue="reason", state="wait"} 1',
        'bullmq_job_count{queue="thread", state="wait"} 1',
        '',
      ].join('\n'),
    );
  });
});
