import type { BullmqFloor } from './bullmq-floor.js';

/** Report lines: BullMQ's floor for today's request shape and for the shape the cheapest redesign would leave. */
export function bullmqFloorLines(floor: BullmqFloor, commandsPerRequest: number): string[] {
  const today = 2 * floor.perJob + floor.perFlow;
  const fewestJobs = 5 * floor.perJob;
  return [
    `BullMQ alone, no-op jobs with the runtime's job options (3 workers × concurrency 32 + a join worker):`,
    `  one plain job ${floor.perJob.toFixed(1)} commands, one flow of a parent and 4 children ${floor.perFlow.toFixed(1)}`,
    `  today's 4-thread request shape (2 step jobs + that flow)              ${today.toFixed(1)} commands (${pct(today, commandsPerRequest)} of the measured request)`,
    `  join by the last thread + continuation by the joiner (5 plain jobs)   ${fewestJobs.toFixed(1)} commands`,
  ];
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)} %`;
}
