import { isTerminalStatus, type RequestStatus } from '@threadloom/contracts';
import { loadQwen3Encoder, loadQwen3Tokenizer } from '@threadloom/threading';
import type { AfterSettle } from '../runtime/settled-request.js';
import type { RequestStore } from '../store/request-store.js';
import type { RolloutGroupStore } from './rollout-group-store.js';
import { scoreGroup, type GroupMember, type ScoringTools } from './score-group.js';

/** How a finalization attempt ended. */
export type FinalizeOutcome = 'committed' | 'already_committed' | 'busy' | 'incomplete' | 'missing';

/** Options of {@link RolloutGroups}. */
export interface RolloutGroupsOptions {
  /** How long a claim keeps other processes from computing the same group; a dead claimer's lease lapses. */
  readonly claimLeaseMs: number;
}

/**
 * The runtime side of rollout groups: every settled request that belongs to a group marks itself in the
 * group (one Lua step, idempotent); the mark that completes the set triggers the computation, which a
 * claim lease keeps to one process at a time and a commit script writes exactly once. A sweeper calls
 * {@link sweep} to finish groups whose completing mark was lost (a process killed after settling).
 */
export class RolloutGroups {
  private readonly groups: RolloutGroupStore;
  private readonly requests: RequestStore;
  private readonly options: RolloutGroupsOptions;
  private tools: Promise<ScoringTools> | undefined;

  constructor(groups: RolloutGroupStore, requests: RequestStore, options: RolloutGroupsOptions) {
    this.groups = groups;
    this.requests = requests;
    this.options = options;
  }

  /** The finisher hook: {@link onSettled} that never throws (the sweeper recovers what a failed call loses). */
  afterSettle(onError: (message: string) => void): AfterSettle {
    return (requestId) =>
      this.onSettled(requestId).catch((error: unknown) =>
        onError(`rollout group of ${requestId}: ${error instanceof Error ? error.message : String(error)}`),
      );
  }

  /** Called after a request reached a terminal state; does nothing for a request outside any group. */
  async onSettled(requestId: string): Promise<void> {
    const [group, member] = await this.requests.fields(requestId, ['rolloutGroup', 'rolloutMember']);
    if (group === undefined || member === undefined) return;
    if ((await this.groups.markSettled(group, Number(member), requestId)) === 'complete') await this.finalize(group);
  }

  /** Computes and commits a group whose k members are all terminal; safe to call any number of times, anywhere. */
  async finalize(groupId: string): Promise<FinalizeOutcome> {
    const group = await this.groups.load(groupId);
    if (group === undefined) return 'missing';
    if (group.committedAt !== null) return 'already_committed';
    if (group.settled < group.spec.k) return 'incomplete';
    const token = await this.groups.claim(groupId, this.options.claimLeaseMs);
    if (token === undefined) {
      const now = await this.groups.load(groupId);
      return now?.committedAt === null ? 'busy' : 'already_committed';
    }
    const members = await Promise.all(
      group.members.map((requestId, member) => this.readMember(member, requestId ?? '')),
    );
    const commit = scoreGroup(group.spec, members, await this.scoringTools());
    return (await this.groups.commit(groupId, token, commit)) ? 'committed' : 'already_committed';
  }

  /**
   * Finishes open groups created before `createdBefore`: members that are terminal but unmarked are
   * marked, and complete groups are finalized. Returns how many groups this call committed.
   */
  async sweep(createdBefore: number, limit: number): Promise<number> {
    let committed = 0;
    for (const id of await this.groups.openGroups(createdBefore, limit)) {
      const group = await this.groups.load(id);
      if (group === undefined) {
        await this.groups.forgetOpen(id);
        continue;
      }
      const marks = await this.groups.marks(id, group.spec.k);
      for (const [member, requestId] of group.members.entries()) {
        if (marks[member] === true || requestId === undefined) continue;
        const status = await this.requests.status(requestId);
        if (status === undefined || isTerminalStatus(status)) await this.groups.markSettled(id, member, requestId);
      }
      if ((await this.finalize(id)) === 'committed') committed += 1;
    }
    return committed;
  }

  private async readMember(member: number, requestId: string): Promise<GroupMember> {
    const status: RequestStatus = (await this.requests.status(requestId)) ?? 'expired';
    const checkpoint = await this.requests.loadCheckpoint(requestId).catch(() => undefined);
    return { member, requestId, status, state: checkpoint?.state };
  }

  private scoringTools(): Promise<ScoringTools> {
    this.tools ??= Promise.all([loadQwen3Tokenizer(), loadQwen3Encoder()]).then(([tokenizer, encoder]) => ({
      tokenizer,
      encoder,
    }));
    return this.tools;
  }
}
