import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { MalformedLine } from './input-lines.js';
import type { PlannedBatch } from './submit-plan.js';

/** A line the API refused at validation, kept so a resumed run does not send it again. */
export interface RejectedLine extends MalformedLine {
  readonly digest: string;
}

/** What a `submit` run keeps next to its output file so that running it again resumes it. */
export interface SubmitState {
  readonly version: 1;
  /** Random per run: part of every idempotency key, so a fresh output file is a fresh run. */
  readonly runId: string;
  readonly apiUrl: string;
  readonly options: { readonly mode: string | null; readonly groundTruth: string | null };
  readonly batches: readonly PlannedBatch[];
  readonly rejected: readonly RejectedLine[];
}

/** `<out>.state.json`. */
export const statePathFor = (outPath: string): string => `${outPath}.state.json`;

/** The saved state, a fresh one when there is none, or the reason the saved one cannot be used. */
export function loadState(
  path: string,
  fresh: Pick<SubmitState, 'apiUrl' | 'options'>,
): { ok: true; state: SubmitState; resumed: boolean } | { ok: false; reason: string } {
  if (!existsSync(path))
    return {
      ok: true,
      resumed: false,
      state: { version: 1, runId: randomUUID(), batches: [], rejected: [], ...fresh },
    };
  let saved: SubmitState;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as SubmitState;
  } catch (error) {
    return { ok: false, reason: `${path} is not a state file (${error instanceof Error ? error.message : ''})` };
  }
  if (saved.version !== 1 || typeof saved.runId !== 'string' || !Array.isArray(saved.batches))
    return { ok: false, reason: `${path} is not a state file of this version of threadloom` };
  const mismatch = (['mode', 'groundTruth'] as const).find((key) => saved.options[key] !== fresh.options[key]);
  if (mismatch !== undefined)
    return {
      ok: false,
      reason: `${path} belongs to a run with ${mismatch} = ${String(saved.options[mismatch])}; run with the same options or choose another --out`,
    };
  if (saved.apiUrl !== fresh.apiUrl)
    return {
      ok: false,
      reason: `${path} belongs to a run against ${saved.apiUrl}; use that --api-url or another --out`,
    };
  return { ok: true, resumed: true, state: saved };
}

/** Writes the state atomically (a crash leaves the old or the new file, never half of one). */
export function saveState(path: string, state: SubmitState): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, path);
}
