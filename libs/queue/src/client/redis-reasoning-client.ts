import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import {
  cancelChannel,
  DEFAULT_KEY_PREFIX,
  DEFAULT_RETRY_POLICY,
  jobIds,
  laneOfKey,
  laneOfRequest,
  reasoningSubmissionSchema,
  requestIdInLane,
  type NormalizedSubmission,
  type ReasoningClient,
  type ReasoningEvent,
  type ReasoningSubmission,
  type RequestView,
  type RetryPolicy,
} from '@threadloom/contracts';
import { newWorkflow, openWorkflow, type WorkflowTrace } from '@threadloom/telemetry';
import { startOrchestration } from '@threadloom/threading';
import type { RedisClient } from '../redis/redis-client.js';
import { createProducerConnection, waitForReady, type ProducerConnectionOptions } from '../redis/redis-connections.js';
import { dispatch } from '../runtime/dispatcher.js';
import { LaneQueues } from '../runtime/lane-queues.js';
import { toOrchestratorOptions } from '../runtime/orchestration-options.js';
import { RequestFinisher } from '../runtime/request-finisher.js';
import type { Checkpoint } from '../store/checkpoint.js';
import { RequestStore } from '../store/request-store.js';
import { ROLLOUT_CLAIM_LEASE_MS } from '../rollouts/rollout-defaults.js';
import { RolloutGroupStore } from '../rollouts/rollout-group-store.js';
import { RolloutGroups } from '../rollouts/rollout-groups.js';
import { idempotencyClaim, ownerOfClaim, submissionHash } from './idempotency.js';
import { InvalidSubmissionError } from './invalid-submission.error.js';
import { UnknownRequestError } from './unknown-request.error.js';
import { EventStreamHub } from './event-stream-hub.js';
import { streamEvents } from './stream-events.js';
import { waitForTerminal } from './wait-for-terminal.js';

/** Options of a producer-side client. */
export interface RedisReasoningClientOptions {
  readonly redisUrl: string;
  /** `host:port` seeds of a Redis Cluster; `redisUrl` then gives only credentials and TLS. @defaultValue none (one server) */
  readonly redisClusterNodes?: readonly string[];
  /** Key prefix (hash tag) shared with the workers; lane 0's prefix. @defaultValue DEFAULT_KEY_PREFIX */
  readonly keyPrefix?: string;
  /** Lanes new requests are spread over (see docs/scaling.md); any lane's requests are found by id. @defaultValue 1 */
  readonly lanes?: number;
  /** Attempts per job kind and backoff; must match the workers' (both read it with parseRetryPolicy). @defaultValue DEFAULT_RETRY_POLICY */
  readonly retry?: RetryPolicy;
  /** How long finished requests and idempotency keys stay. @defaultValue 7 days */
  readonly retentionSeconds?: number;
  /** Iteration cap of the state machine. @defaultValue the machine's (32) */
  readonly maxIterations?: number;
  /** Command timeout and reconnect cap of the client's connection (see createProducerConnection). */
  readonly connection?: ProducerConnectionOptions;
  /**
   * Give every request a trace (workflow span ids in its job data) even though this process does not
   * trace, because the workers do: a producer without the SDK standing in for the traced API.
   * @defaultValue false (requests are traced when this process traces)
   */
  readonly traceRequests?: boolean;
}

/** The library-level client of the distributed runtime: submit, inspect, stream, cancel (see ReasoningClient). */
export class RedisReasoningClient implements ReasoningClient {
  private readonly redis: RedisClient;
  private readonly ready: Promise<void>;
  private readonly prefix: string;
  private readonly store: RequestStore;
  private readonly finisher: RequestFinisher;
  /** One blocking reader shared by every open event stream of this client. */
  private readonly hub: EventStreamHub;
  private readonly queues: LaneQueues;
  private readonly lanes: number;
  private readonly retentionSeconds: number;
  private readonly maxIterations: number | undefined;
  private readonly openTrace: () => WorkflowTrace | undefined;

  constructor(options: RedisReasoningClientOptions) {
    this.prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.lanes = options.lanes ?? 1;
    this.retentionSeconds = options.retentionSeconds ?? 7 * 24 * 3600;
    this.maxIterations = options.maxIterations;
    this.openTrace = options.traceRequests === true ? newWorkflow : openWorkflow;
    this.redis = createProducerConnection(
      { url: options.redisUrl, clusterNodes: options.redisClusterNodes },
      'threadloom-client',
      options.connection,
    );
    this.redis.on('error', () => undefined); // commands fail fast (no offline queue) and surface to callers
    this.ready = waitForReady(this.redis);
    this.ready.catch(() => undefined);
    const policy = { retry: options.retry ?? DEFAULT_RETRY_POLICY, retentionSeconds: this.retentionSeconds };
    this.queues = new LaneQueues(this.redis, this.prefix, policy);
    this.store = new RequestStore(this.redis, this.prefix);
    // A cancel settles here: the group it completes (if any) is computed here too.
    const groups = new RolloutGroupStore(this.redis, this.prefix, this.retentionSeconds);
    const rollouts = new RolloutGroups(groups, this.store, { claimLeaseMs: ROLLOUT_CLAIM_LEASE_MS });
    this.finisher = new RequestFinisher(
      this.store,
      this.retentionSeconds,
      undefined,
      rollouts.afterSettle(() => {}),
    );
    this.hub = new EventStreamHub(this.redis);
  }

  /** Resolves once Redis is reachable. */
  async connect(): Promise<this> {
    await this.ready;
    return this;
  }

  async submit(submission: ReasoningSubmission, options: { idempotencyKey?: string } = {}): Promise<RequestView> {
    const parsed = reasoningSubmissionSchema.safeParse(submission);
    if (!parsed.success)
      throw new InvalidSubmissionError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    await this.ready;
    return this.create(this.newId(parsed.data.tenant, options.idempotencyKey), parsed.data, options.idempotencyKey);
  }

  async get(id: string): Promise<RequestView | undefined> {
    await this.ready;
    return this.store.view(id);
  }

  async cancel(id: string): Promise<RequestView | undefined> {
    await this.ready;
    const checkpoint = await this.store.loadCheckpoint(id);
    if (checkpoint === undefined) return this.store.view(id);
    if (await this.finisher.cancelled(id, checkpoint.state)) {
      await this.redis.publish(cancelChannel(this.prefix), id);
      await this.removePending(id, checkpoint);
    }
    return this.store.view(id);
  }

  events(id: string, options: { afterId?: string; signal?: AbortSignal } = {}): AsyncIterable<ReasoningEvent> {
    return streamEvents({ redis: this.redis, store: this.store, hub: this.hub }, id, options);
  }

  async waitForResult(id: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<RequestView> {
    await this.ready;
    return waitForTerminal(this.store, id, options);
  }

  async close(): Promise<void> {
    this.hub.close();
    await this.queues.close();
    this.redis.disconnect();
  }

  private async create(
    id: string,
    submission: NormalizedSubmission,
    idempotencyKey: string | undefined,
  ): Promise<RequestView> {
    const now = Date.now();
    const step = startOrchestration(
      submission.prompt,
      toOrchestratorOptions(submission.parameters, this.maxIterations),
    );
    const checkpoint: Checkpoint = { version: 0, state: step.state, action: step.action };
    const hash = idempotencyKey === undefined ? '' : submissionHash(submission);
    const claim =
      idempotencyKey === undefined
        ? undefined
        : idempotencyClaim(
            this.prefix,
            laneOfRequest(id),
            submission.tenant,
            idempotencyKey,
            id,
            hash,
            this.retentionSeconds,
          );
    const workflow = this.openTrace();
    const fields = recordFields(submission, now, idempotencyKey, workflow);
    const taken = await this.store.create({ id, fields, checkpoint, now, ...(claim === undefined ? {} : { claim }) });
    if (taken !== undefined) return this.awaitView(ownerOfClaim(taken, idempotencyKey!, hash));
    if (step.action.type === 'done') {
      await this.finisher.finished(id, step.state);
      return (await this.store.view(id))!;
    }
    // Read the record before the first job exists, so a fast worker cannot make the acknowledgement say `running`.
    const queued = (await this.store.view(id))!;
    try {
      await dispatch(this.queues.targets(id), id, checkpoint, {
        priority: submission.parameters.priority,
        trace: workflow?.workflow,
      });
    } catch (error) {
      await this.abandon(id, claim);
      throw error;
    }
    return queued;
  }

  /**
   * A new request's id, naming its lane: an idempotent submission's lane follows from its key, so a
   * replay finds the claim in the same lane; any other spreads by its random UUID.
   */
  private newId(tenant: string, idempotencyKey: string | undefined): string {
    const uuid = randomUUID();
    const spreadBy = idempotencyKey === undefined ? uuid : `${tenant}\n${idempotencyKey}`;
    return requestIdInLane(laneOfKey(spreadBy, this.lanes), uuid);
  }

  /** The first job could not be added: free the key for a retry and settle the orphan record (best effort). */
  private async abandon(id: string, claim: { key: string; value: string } | undefined): Promise<void> {
    if (claim !== undefined) await this.store.releaseClaim(claim.key, claim.value).catch(() => undefined);
    await this.finisher.lost(id, 'the request could not be enqueued').catch(() => undefined);
  }

  /** Pending jobs of the current action are removed; active ones abort through the cancel channel. */
  private async removePending(id: string, checkpoint: Checkpoint): Promise<void> {
    const { action, version } = checkpoint;
    const lane = this.queues.forRequest(id);
    const removal =
      action.type === 'decode'
        ? lane.reason.remove(jobIds.reason(id, version))
        : action.type === 'fork'
          ? lane.join.remove(jobIds.join(id, action.blockIndex))
          : Promise.resolve(0);
    await removal.catch(() => 0); // a locked job cannot be removed: it aborts via pub/sub and then finds the request cancelled
  }

  /** A replayed submission may race its original's creation: wait briefly for the record. */
  private async awaitView(id: string): Promise<RequestView> {
    for (let tries = 0; tries < 50; tries += 1) {
      const view = await this.store.view(id);
      if (view !== undefined) return view;
      await sleep(20);
    }
    throw new UnknownRequestError(id);
  }
}

function recordFields(
  submission: NormalizedSubmission,
  now: number,
  idempotencyKey: string | undefined,
  workflow: WorkflowTrace | undefined,
): Record<string, string> {
  const { deadlineMs } = submission.parameters;
  return {
    tenant: submission.tenant,
    model: submission.model,
    parameters: JSON.stringify(submission.parameters),
    ...(submission.metadata === undefined ? {} : { metadata: JSON.stringify(submission.metadata) }),
    ...(submission.batchId === undefined ? {} : { batchId: submission.batchId }),
    ...(submission.rollout === undefined
      ? {}
      : { rolloutGroup: submission.rollout.group, rolloutMember: String(submission.rollout.member) }),
    ...(deadlineMs === undefined ? {} : { deadlineAt: String(now + deadlineMs) }),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(workflow === undefined ? {} : { trace: JSON.stringify(workflow) }),
  };
}
