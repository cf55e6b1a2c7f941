/** `PLACEMENT_POLICY`: prefix-cache aware (capacity as the fallback), or by free capacity only. */
export const PLACEMENT_POLICIES = ['prefix', 'capacity'] as const;

/** One of PLACEMENT_POLICIES. */
export type PlacementPolicy = (typeof PLACEMENT_POLICIES)[number];
