import { createHash } from 'node:crypto';
import { RUNTIME_SCRIPTS } from '@threadloom/queue';
import { describe, expect, it } from 'vitest';
import { scriptNamesBySha } from './script-names.js';

const sha = (body: string): string => createHash('sha1').update(body).digest('hex');

describe('scriptNamesBySha', () => {
  it('names the runtime’s scripts and BullMQ’s by the SHA1 EVALSHA sends', () => {
    const names = scriptNamesBySha();
    expect(names.get(sha(RUNTIME_SCRIPTS.transition.body))).toBe('threadloom:transition');
    const values = [...names.values()];
    expect(values).toContain('bullmq:moveToFinished');
    expect(values).toContain('bullmq:moveToActive');
    expect(values).toContain('bullmq:addStandardJob');
  });
});
