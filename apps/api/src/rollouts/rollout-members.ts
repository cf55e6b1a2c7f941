import { randomInt } from 'node:crypto';
import type { ReasoningSubmission } from '@threadloom/contracts';
import { renderUserPrompt } from '@threadloom/threading';
import { promptOf, toSubmission } from '../reasoning/to-submission.js';
import type { RolloutCreateBody, RolloutProblem } from './rollout-request.schema.js';

/** Member j samples with request seed `base + j`: distinct seeds, so the k trajectories differ. */
export function memberSeeds(base: number | undefined, k: number): number[] {
  const start = base ?? randomInt(0, 2 ** 31);
  return Array.from({ length: k }, (_, j) => start + j);
}

/** The rendered prompt of a problem (`problem` goes through the Qwen3 chat template as the user turn). */
function problemPrompt(problem: RolloutProblem): string {
  return problem.problem === undefined ? promptOf(problem) : renderUserPrompt(problem.problem);
}

/** The submission of member `member` of group `groupId`: parallel mode, its own seed, the group membership. */
export function memberSubmission(
  body: RolloutCreateBody,
  problem: RolloutProblem,
  member: { readonly groupId: string; readonly index: number; readonly seed: number },
  tenant: string,
  defaultModel: string,
): ReasoningSubmission {
  const options = { ...body, mode: 'parallel' as const, seed: member.seed };
  const submission = toSubmission(problemPrompt(problem), options, tenant, defaultModel);
  return { ...submission, rollout: { group: member.groupId, member: member.index } };
}
