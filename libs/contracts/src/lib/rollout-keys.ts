/** Redis keys of one RL rollout group, under the lane prefix so they share its hash slot. */
export interface RolloutGroupKeys {
  /** HASH: spec (`k`, `groundTruth`, `profile`, …), `members`, `m<j>` per settled member, and once committed the outcome. */
  readonly group: string;
  /** STRING (PX lease): the process computing the group's outcome right now. */
  readonly claim: string;
}

/** Builds the key set of rollout group `id` under `prefix`. */
export function rolloutGroupKeys(prefix: string, id: string): RolloutGroupKeys {
  const base = `${prefix}:rgroup:${id}`;
  return { group: base, claim: `${base}:claim` };
}

/** ZSET: ids of rollout groups not yet committed, scored by creation time (epoch ms); the sweeper's work list. */
export function openRolloutGroupsKey(prefix: string): string {
  return `${prefix}:rgroups:open`;
}

/** STRING: one rollout job (the API's record of its groups) as JSON. */
export function rolloutJobKey(prefix: string, id: string): string {
  return `${prefix}:rollout:${id}`;
}
