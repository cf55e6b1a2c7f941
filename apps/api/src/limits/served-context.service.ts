import { Inject, Injectable } from '@nestjs/common';
import { servedContextKey, type ReasoningSubmission } from '@threadloom/contracts';
import { loadQwen3Tokenizer, type Tokenizer } from '@threadloom/threading';
import type { RedisClient } from '@threadloom/queue';
import { ValidationFailedError, type FieldIssue } from '../common/errors/validation-failed.error.js';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { API_REDIS } from '../queues/redis.tokens.js';

/** How long a read of the published context lengths is reused. */
const CACHE_MS = 5_000;

/**
 * Refuses at submit what the served model's context can never hold: a token budget above it, or a
 * prompt that alone fills it. The context is what the workers read from their engines
 * (`max_model_len`) and published; the smallest one counts. Nothing published: nothing checked.
 */
@Injectable()
export class ServedContext {
  private cached: { at: number; value: number | undefined } | undefined;
  private tokenizer: Promise<Tokenizer> | undefined;

  constructor(
    @Inject(API_REDIS) private readonly redis: RedisClient,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Throws ValidationFailedError naming the limit when `submission` cannot fit. */
  async check(submission: ReasoningSubmission): Promise<void> {
    await this.checkEach([submission], () => '');
  }

  /**
   * Checks every submission of a batch or rollout job before any is admitted; throws one
   * ValidationFailedError listing each that cannot fit, its field prefixed by `where(index)`.
   */
  async checkEach(submissions: readonly ReasoningSubmission[], where: (index: number) => string): Promise<void> {
    const limit = await this.limit();
    if (limit === undefined) return;
    const issues: FieldIssue[] = [];
    for (const [index, submission] of submissions.entries()) {
      const issue = await this.issueOf(submission, limit);
      if (issue !== undefined) issues.push({ ...issue, field: `${where(index)}${issue.field}` });
    }
    if (issues.length > 0) throw new ValidationFailedError(issues);
  }

  private async issueOf(submission: ReasoningSubmission, limit: number): Promise<FieldIssue | undefined> {
    const maxTokens = submission.parameters?.maxTokens;
    if (maxTokens !== undefined && maxTokens > limit)
      return refused('max_tokens', `max_tokens ${maxTokens} exceeds the served model's context of ${limit} tokens`);
    // A token is at least one byte: a prompt of fewer bytes than the context fits without counting.
    if (Buffer.byteLength(submission.prompt) < limit) return undefined;
    this.tokenizer ??= loadQwen3Tokenizer();
    const promptTokens = (await this.tokenizer).countTokens(submission.prompt);
    if (promptTokens >= limit)
      return refused('prompt', `the prompt is ${promptTokens} tokens; the served model's context is ${limit} tokens`);
    return undefined;
  }

  private async limit(now = Date.now()): Promise<number | undefined> {
    if (this.cached !== undefined && now - this.cached.at < CACHE_MS) return this.cached.value;
    const published = await this.redis.hvals(servedContextKey(this.config.keyPrefix)).catch(() => [] as string[]);
    const lengths = published.map(Number).filter((length) => Number.isInteger(length) && length > 0);
    this.cached = { at: now, value: lengths.length === 0 ? undefined : Math.min(...lengths) };
    return this.cached.value;
  }
}

function refused(field: string, message: string): FieldIssue {
  return { field, rule: 'served_context', message };
}
