import type { RequestStatus } from '@threadloom/contracts';
import { groupAdvantages, REWARD_PROFILES, scoreResponse } from '@threadloom/rewards';
import { finalText, type OrchestratorState, type TokenEncoder, type Tokenizer } from '@threadloom/threading';
import { expandedRows, packedRow, type RowContext } from './export-rows.js';
import type { RolloutGroupCommit, RolloutGroupSpec, RolloutMemberOutcome } from './rollout-group.js';

/** One member as the scorer sees it: its terminal status and, when readable, its final orchestration state. */
export interface GroupMember {
  readonly member: number;
  readonly requestId: string;
  readonly status: RequestStatus;
  readonly state: OrchestratorState | undefined;
}

/** The tokenizers scoring and export use: Qwen3 counts for η, the Qwen3 training encoder for row ids. */
export interface ScoringTools {
  readonly tokenizer: Tokenizer;
  readonly encoder: TokenEncoder;
}

/**
 * Scores a complete group once: every completed member is graded and rewarded under the group's profile
 * (libs/rewards), advantages are r − mean over the completed members (P-GRPO, no std: spec §4.3), and
 * each completed member yields one packed row and one expanded row per engine call, carrying its
 * advantage. Members that did not complete (failed, cancelled, expired) get no reward and no rows.
 */
export function scoreGroup(
  spec: RolloutGroupSpec,
  members: readonly GroupMember[],
  tools: ScoringTools,
): RolloutGroupCommit {
  const config = REWARD_PROFILES[spec.rewardProfile];
  const scored = members.map((member) => {
    if (member.status !== 'completed' || member.state === undefined) return undefined;
    const { state } = member;
    return scoreResponse(finalText(state), spec.groundTruth, {
      config,
      tokenizer: tools.tokenizer,
      prompt: state.prompt,
    });
  });
  const rewards = scored.filter((score) => score !== undefined).map((score) => score.reward);
  const advantages = groupAdvantages(rewards);
  let next = 0;
  const outcomes = members.map((member, index): RolloutMemberOutcome => {
    const score = scored[index];
    const advantage = score === undefined ? null : (advantages[next++] ?? 0);
    return {
      member: member.member,
      requestId: member.requestId,
      status: member.status,
      seed: spec.seeds[member.member] ?? 0,
      answer: score?.answer ?? null,
      correct: score?.correct ?? false,
      reason: score?.reason ?? null,
      eta: score?.acceleration ?? 0,
      correctnessReward: score?.correctnessReward ?? 0,
      accelerationReward: score?.accelerationReward ?? 0,
      reward: score?.reward ?? null,
      advantage,
      units: member.state?.units.length ?? 0,
    };
  });
  const packed: string[] = [];
  const expanded: string[] = [];
  outcomes.forEach((outcome, index) => {
    const state = members[index]?.state;
    if (outcome.advantage === null || outcome.reward === null || state === undefined) return;
    const context: RowContext = { spec, outcome: { ...outcome, reward: outcome.reward, advantage: outcome.advantage } };
    packed.push(JSON.stringify(packedRow(context, state, tools.encoder)));
    for (const row of expandedRows(context, state, tools.encoder)) expanded.push(JSON.stringify(row));
  });
  const meanReward = rewards.length === 0 ? null : rewards.reduce((sum, reward) => sum + reward, 0) / rewards.length;
  return {
    outcome: {
      status: rewards.length === members.length ? 'completed' : rewards.length > 0 ? 'partial' : 'failed',
      members: outcomes,
      meanReward,
      correct: outcomes.filter((outcome) => outcome.correct).length,
      scored: rewards.length,
    },
    packed,
    expanded,
  };
}
