/** How long one process may compute a group before another may take over (scoring k trajectories takes well under it). */
export const ROLLOUT_CLAIM_LEASE_MS = 30_000;
