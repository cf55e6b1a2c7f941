import { Inject, Injectable } from '@nestjs/common';
import type { ReasoningClient, RequestView } from '@threadloom/contracts';
import type { RolloutGroupSpec, RolloutGroupState, RolloutGroupStore, RolloutRowFormat } from '@threadloom/queue';
import type { Principal } from '../auth/principal.js';
import { parseOrThrow } from '../common/pipes/zod-issues.js';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { JOB_PARALLELISM, JobsService } from '../jobs/jobs.service.js';
import { REASONING_CLIENT } from '../reasoning/reasoning-client.token.js';
import { mapLimited } from '@threadloom/threading';
import { memberSeeds, memberSubmission } from './rollout-members.js';
import { ROLLOUT_GROUPS, ROLLOUT_STORE, type RolloutRecord, type RolloutStore } from './rollout-record.js';
import { rolloutCreateSchema, type RolloutCreateBody } from './rollout-request.schema.js';
import { summarizeRollout, type RolloutSummary } from './rollout-summary.js';
import { ServedContext } from '../limits/served-context.service.js';

/** Rollout jobs: groups of k sampled requests per problem, scored once per group by the runtime. */
@Injectable()
export class RolloutsService {
  private readonly schema;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(REASONING_CLIENT) private readonly client: ReasoningClient,
    @Inject(ROLLOUT_STORE) private readonly store: RolloutStore,
    @Inject(ROLLOUT_GROUPS) private readonly groups: RolloutGroupStore,
    private readonly jobs: JobsService,
    private readonly context: ServedContext,
  ) {
    this.schema = rolloutCreateSchema(config);
  }

  /**
   * Validates the whole body, admits every member at once, writes the groups, then submits the members
   * (idempotently each). All or nothing: a failure part-way cancels what was submitted and removes the groups.
   */
  async create(
    principal: Principal,
    raw: unknown,
    defaultModel: string,
    idempotencyKey?: string,
  ): Promise<RolloutRecord> {
    const body = parseOrThrow(this.schema, raw);
    // Every member of a group shares the problem's prompt and budget: one check per problem.
    const probes = body.problems.map((problem) =>
      memberSubmission(body, problem, { groupId: '', index: 0, seed: 0 }, principal.tenant, defaultModel),
    );
    await this.context.checkEach(probes, (index) => `problems[${index}].`);
    const start = await this.jobs.start('rollout', this.store, principal, body, idempotencyKey);
    if ('replay' in start) return start.replay;
    const { id, bodyHash } = start;
    const specs = this.groupSpecs(id, principal.tenant, body);
    const requestIds = await this.jobs.submitAdmitted(
      body.problems.length * body.k,
      (submitted) => this.submitAll(principal, body, specs, defaultModel, submitted),
      () => this.groups.remove(specs.map((spec) => spec.id)),
    );
    const record: RolloutRecord = {
      id,
      tenant: principal.tenant,
      createdAt: Date.now(),
      k: body.k,
      rewardProfile: body.reward_profile,
      groups: specs.map((spec, g) => ({ customId: spec.customId, groupId: spec.id, requestIds: requestIds[g]! })),
      ...(bodyHash !== undefined && { bodyHash }),
    };
    await this.store.save(record);
    return record;
  }

  /** The caller's rollout record, or 404. */
  load(principal: Principal, id: string): Promise<RolloutRecord> {
    return this.jobs.load('rollout', this.store, principal, id);
  }

  /** Group states, and the views of members of groups not yet committed. */
  async summary(record: RolloutRecord): Promise<RolloutSummary> {
    const states = await mapLimited(record.groups, JOB_PARALLELISM, (group) => this.groups.load(group.groupId));
    const pending = record.groups.flatMap((group, g) =>
      states[g]?.committedAt === null || states[g] === undefined ? group.requestIds : [],
    );
    const views = await mapLimited(pending, JOB_PARALLELISM * 4, (requestId) => this.client.get(requestId));
    const byId = new Map(
      views.filter((view): view is RequestView => view !== undefined).map((view) => [view.id, view]),
    );
    return summarizeRollout(record, states, byId);
  }

  /** Yields, group by group in submission order, the committed state and its rows in `format` (none before the commit). */
  async *rows(record: RolloutRecord, format: RolloutRowFormat): AsyncGenerator<string> {
    for (const group of record.groups) for (const row of await this.groups.rows(group.groupId, format)) yield row;
  }

  /** Group states in submission order (undefined where a group expired). */
  groupStates(record: RolloutRecord): Promise<(RolloutGroupState | undefined)[]> {
    return mapLimited(record.groups, JOB_PARALLELISM, (group) => this.groups.load(group.groupId));
  }

  /** Marks the job cancelled and cancels every member still in flight; their groups then score what completed. */
  cancel(record: RolloutRecord): Promise<RolloutRecord> {
    return this.jobs.cancel(
      this.store,
      record,
      record.groups.flatMap((group) => group.requestIds),
    );
  }

  private groupSpecs(id: string, tenant: string, body: RolloutCreateBody): RolloutGroupSpec[] {
    const createdAt = Date.now();
    return body.problems.map((problem, g) => ({
      id: `${id}-g${g}`,
      rolloutId: id,
      customId: problem.custom_id ?? `problem-${g + 1}`,
      tenant,
      k: body.k,
      groundTruth: problem.ground_truth,
      rewardProfile: body.reward_profile,
      seeds: memberSeeds(body.seed, body.k),
      createdAt,
    }));
  }

  /** Writes every group, then submits its members; returns the request ids per group. */
  private async submitAll(
    principal: Principal,
    body: RolloutCreateBody,
    specs: readonly RolloutGroupSpec[],
    defaultModel: string,
    submitted: string[],
  ): Promise<string[][]> {
    await mapLimited(specs, JOB_PARALLELISM, (spec) => this.groups.create(spec));
    const members = specs.flatMap((spec, g) => spec.seeds.map((seed, index) => ({ spec, g, index, seed })));
    const views = await mapLimited(members, JOB_PARALLELISM, async ({ spec, g, index, seed }) => {
      const submission = memberSubmission(
        body,
        body.problems[g]!,
        { groupId: spec.id, index, seed },
        principal.tenant,
        defaultModel,
      );
      const view = await this.client.submit(submission, { idempotencyKey: `${spec.id}-m${index}` });
      submitted.push(view.id);
      return view.id;
    });
    const ids = specs.map((_spec, g) => views.slice(g * body.k, (g + 1) * body.k));
    await mapLimited(specs, JOB_PARALLELISM, (spec, g) => this.groups.setMembers(spec.id, ids[g]!));
    return ids;
  }
}
