/** vLLM's `--scheduling-policy`: first come first served, or by the request's `priority` (lower first). */
const SCHEDULING_POLICIES = ['fcfs', 'priority'] as const;

/** One of SCHEDULING_POLICIES. */
export type SchedulingPolicy = (typeof SCHEDULING_POLICIES)[number];

/** Narrows a string to a SchedulingPolicy. */
export function isSchedulingPolicy(value: string): value is SchedulingPolicy {
  return (SCHEDULING_POLICIES as readonly string[]).includes(value);
}
