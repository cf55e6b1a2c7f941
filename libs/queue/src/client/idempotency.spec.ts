import { reasoningSubmissionSchema } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import { submissionHash } from './idempotency.js';

describe('submissionHash', () => {
  it('ignores key order and defaults, distinguishes bodies', () => {
    const a = reasoningSubmissionSchema.parse({ prompt: 'p', parameters: { maxTokens: 10, mode: 'parallel' } });
    const b = reasoningSubmissionSchema.parse({ parameters: { mode: 'parallel', maxTokens: 10 }, prompt: 'p' });
    const c = reasoningSubmissionSchema.parse({ prompt: 'q', parameters: { maxTokens: 10 } });
    expect(submissionHash(a)).toBe(submissionHash(b));
    expect(submissionHash(a)).not.toBe(submissionHash(c));
  });
});
