import { z } from 'zod';
import { allLanes, hasHashTag, MAX_LANES } from './lanes.js';
import { DEFAULT_KEY_PREFIX } from './queue-names.js';

/**
 * The lane count variable every process that adds or reads requests takes (API, worker, CLI); merge
 * into a process's env schema. Producers spread new requests over `LANES` lanes; requests are found
 * by id whatever the count.
 */
export const laneEnvShape = {
  LANES: z.coerce.number().int().min(1).max(MAX_LANES).default(1),
};

/**
 * Where the runtime's keys are — KEY_PREFIX and LANES — which the API and every worker must agree on;
 * merge into a process's env schema.
 */
export const keyLayoutEnvShape = {
  KEY_PREFIX: z
    .string()
    .min(1)
    .refine((value) => !value.endsWith(':'), 'must not end with ":"')
    .default(DEFAULT_KEY_PREFIX),
  ...laneEnvShape,
};

/** Why a lane layout cannot work (empty when it can): several lanes need a hash tag to give each its own. */
export function laneLayoutIssues(keyPrefix: string, lanes: number): string[] {
  if (lanes === 1 || hasHashTag(keyPrefix)) return [];
  return [`LANES: ${lanes} lanes need a {hash tag} in KEY_PREFIX (got '${keyPrefix}')`];
}

/**
 * Parses a lane list such as `0,2-3` (WORKER_LANES); unset or empty means every lane. Never throws.
 */
export function parseLaneList(
  value: string | undefined,
  lanes: number,
): { ok: true; value: number[] } | { ok: false; issues: string[] } {
  if (value === undefined || value.trim() === '') return { ok: true, value: allLanes(lanes) };
  const chosen = new Set<number>();
  for (const part of value.split(',').map((item) => item.trim())) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    const from = Number(match?.[1]);
    const to = match?.[2] === undefined ? from : Number(match[2]);
    if (match === null || to < from || to >= lanes)
      return { ok: false, issues: [`WORKER_LANES: '${part}' is not a lane or range of lanes below LANES=${lanes}`] };
    for (let lane = from; lane <= to; lane += 1) chosen.add(lane);
  }
  return { ok: true, value: [...chosen].sort((a, b) => a - b) };
}
