import { Inject, Injectable } from '@nestjs/common';
import type { ReasoningClient, RequestView } from '@threadloom/contracts';
import { grade } from '@threadloom/rewards';
import { mapLimited } from '@threadloom/threading';
import type { Principal } from '../auth/principal.js';
import { parseOrThrow } from '../common/pipes/zod-issues.js';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { JOB_PARALLELISM, JobsService } from '../jobs/jobs.service.js';
import { REASONING_CLIENT } from '../reasoning/reasoning-client.token.js';
import { RECENT_INDEX, type RecentIndex } from '../recent/recent-index.js';
import { promptOf, toSubmission } from '../reasoning/to-submission.js';
import { withAnswer } from '../reasoning/with-answer.js';
import { gradeItem, summarizeBatch, type Grader } from './batch-aggregate.js';
import { BATCH_STORE, type BatchItem, type BatchRecord, type BatchStore } from './batch-record.js';
import { batchCreateSchema, type BatchLine } from './batch-request.schema.js';
import { parseJsonLines } from './jsonl.js';
import { ServedContext } from '../limits/served-context.service.js';

const grader: Grader = (answer, truth) => grade(answer, truth).correct;

/** Batches: many reasoning requests submitted, tracked, graded and cancelled together. */
@Injectable()
export class BatchesService {
  private readonly schema;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(REASONING_CLIENT) private readonly client: ReasoningClient,
    @Inject(BATCH_STORE) private readonly store: BatchStore,
    private readonly jobs: JobsService,
    @Inject(RECENT_INDEX) private readonly recent: RecentIndex,
    private readonly context: ServedContext,
  ) {
    this.schema = batchCreateSchema(config);
  }

  /**
   * Validates every line, admits the whole batch at once, then submits it (idempotently per line).
   * With an Idempotency-Key the batch id derives from tenant and key: a retry returns the same batch.
   */
  async create(
    principal: Principal,
    body: unknown,
    defaultModel: string,
    idempotencyKey?: string,
  ): Promise<BatchRecord> {
    const lines = parseOrThrow(this.schema, typeof body === 'string' ? parseJsonLines(body) : body);
    const submissions = lines.map((line) =>
      toSubmission(promptOf(line.body), line.body, principal.tenant, defaultModel),
    );
    await this.context.checkEach(submissions, (index) => `[${index}].body.`);
    const start = await this.jobs.start('batch', this.store, principal, lines, idempotencyKey);
    if ('replay' in start) return start.replay;
    const { id, bodyHash } = start;
    const views = await this.jobs.submitAdmitted(lines.length, (submitted) =>
      mapLimited(lines, JOB_PARALLELISM, async (line, index) => {
        const view = await this.submitLine(principal, id, line, index, defaultModel);
        submitted.push(view.id);
        return view;
      }),
    );
    const items = lines.map((line, index): BatchItem => ({
      customId: line.custom_id ?? `request-${index + 1}`,
      requestId: views[index]!.id,
      ...(line.ground_truth !== undefined && { groundTruth: line.ground_truth }),
    }));
    const record: BatchRecord = {
      id,
      tenant: principal.tenant,
      createdAt: Date.now(),
      items,
      ...(bodyHash !== undefined && { bodyHash }),
    };
    await this.store.save(record);
    await this.recent.record('batch', record.tenant, record.id, record.createdAt);
    return record;
  }

  /** The caller's most recent batch records, newest first; expired ones are skipped. */
  async recentBatches(principal: Principal, limit: number): Promise<BatchRecord[]> {
    const ids = await this.recent.list('batch', principal.tenant, limit);
    const records = await Promise.all(ids.map((id) => this.store.load(id)));
    return records.filter((record): record is BatchRecord => record?.tenant === principal.tenant);
  }

  /** The caller's batch record, or 404. */
  load(principal: Principal, id: string): Promise<BatchRecord> {
    return this.jobs.load('batch', this.store, principal, id);
  }

  /** Current views of a batch's requests, in line order. */
  views(items: readonly BatchItem[]): Promise<(RequestView | undefined)[]> {
    return mapLimited(items, JOB_PARALLELISM * 4, async (item) => withAnswer(await this.client.get(item.requestId)));
  }

  async summary(record: BatchRecord) {
    return summarizeBatch(record, await this.views(record.items), grader, Date.now());
  }

  /** Yields `[item, view, correct]` in line order, fetching a page at a time. */
  async *results(
    record: BatchRecord,
    pageSize = 100,
  ): AsyncGenerator<[BatchItem, RequestView | undefined, boolean | null]> {
    for (let start = 0; start < record.items.length; start += pageSize) {
      const page = record.items.slice(start, start + pageSize);
      const views = await this.views(page);
      for (const [index, item] of page.entries()) yield [item, views[index], gradeItem(item, views[index], grader)];
    }
  }

  /** Marks the batch cancelled and cancels every request still in flight. */
  cancel(record: BatchRecord): Promise<BatchRecord> {
    return this.jobs.cancel(
      this.store,
      record,
      record.items.map((item) => item.requestId),
    );
  }

  private submitLine(
    principal: Principal,
    batchId: string,
    line: BatchLine,
    index: number,
    defaultModel: string,
  ): Promise<RequestView> {
    const submission = toSubmission(promptOf(line.body), line.body, principal.tenant, defaultModel, batchId);
    return this.client.submit(submission, { idempotencyKey: `${batchId}-${index}` });
  }
}
