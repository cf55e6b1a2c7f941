import { isTerminalStatus, type RequestView } from '@threadloom/contracts';
import { wireFields } from './request-wire.js';
import { check, type ScenarioCheck } from './scenario.js';

/** The public error codes a tenant may see (docs/api.md); anything else is a leak or a bug. */
const PUBLIC_CODES: ReadonlySet<string> = new Set([
  'engine_unavailable',
  'engine_rejected',
  'engine_unauthorized',
  'context_length_exceeded',
  'engine_timeout',
  'engine_error',
  'invalid_engine_output',
  'slot_wait_exceeded',
  'thread_failed',
  'deadline_exceeded',
  'cancelled',
  'internal_error',
  'request_lost',
]);

/** Engine wording (the simulator's or vLLM's) that must never reach a tenant. */
const ENGINE_TEXT = /Simulated|You passed \d+ input tokens|InternalServerError|ServiceUnavailable|BadRequestError/;

/** Our words for a context failure (the request's error, or a failed thread's). */
const CONTEXT_WORDS = /served model's context/;

/** How the requests of a batch ended, beyond completed: failures by code, unclear ones, deadline overruns. */
interface OutcomeTally {
  /** Non-completed terminal requests by `error_code` (`none` when missing). */
  readonly byCode: ReadonlyMap<string, number>;
  /** Failures without a public code, or whose words carry engine text. */
  readonly unclear: readonly string[];
  /** Failures not explained by an expected cause (`expected` rejected them). */
  readonly unexpected: readonly string[];
  /** Requests that settled (or were still open at the end) later than their deadline plus the slack. */
  readonly overran: readonly string[];
  /** Latest settle time relative to its deadline over all requests (ms; negative = early). */
  readonly latestVsDeadlineMs: number;
}

/** One submitted request and the deadline it was given. */
export interface DeadlinedRequest {
  readonly id: string;
  readonly deadlineMs: number;
}

/** True when the failure was caused by the engine saying the context was exceeded (a call or a thread). */
export function isContextFailure(view: RequestView): boolean {
  if (CONTEXT_WORDS.test(view.error ?? '')) return true;
  return (view.result?.blocks ?? []).some((block) => block.threads.some((t) => CONTEXT_WORDS.test(t.error ?? '')));
}

/** Tallies failures and deadlines; `expected` says whether a failure has a cause the scenario injected. */
export function tallyOutcomes(
  requests: readonly DeadlinedRequest[],
  views: ReadonlyMap<string, RequestView | undefined>,
  options: { slackMs: number; now: number; expected: (view: RequestView, code: string | undefined) => boolean },
): OutcomeTally {
  const byCode = new Map<string, number>();
  const unclear: string[] = [];
  const unexpected: string[] = [];
  const overran: string[] = [];
  let latestVsDeadlineMs = Number.NEGATIVE_INFINITY;
  for (const { id, deadlineMs } of requests) {
    const view = views.get(id);
    if (view === undefined) continue;
    const wire = wireFields(view);
    const terminal = isTerminalStatus(view.status);
    const settledVsDeadline = (terminal ? wire.updatedAt : options.now) - (wire.createdAt + deadlineMs);
    latestVsDeadlineMs = Math.max(latestVsDeadlineMs, settledVsDeadline);
    if (settledVsDeadline > options.slackMs) overran.push(`${id} ${view.status} ${settledVsDeadline} ms late`);
    if (!terminal || view.status === 'completed') continue;
    const code = wire.errorCode;
    byCode.set(code ?? 'none', (byCode.get(code ?? 'none') ?? 0) + 1);
    const text = JSON.stringify({ error: view.error, blocks: view.result?.blocks });
    if (code === undefined || !PUBLIC_CODES.has(code) || ENGINE_TEXT.test(text))
      unclear.push(`${id} ${code ?? 'no code'}: ${view.error ?? ''}`);
    if (!options.expected(view, code)) unexpected.push(`${id} ${code ?? 'no code'}: ${view.error ?? ''}`);
  }
  return { byCode, unclear, unexpected, overran, latestVsDeadlineMs };
}

/** `key n, key n` of counts by key (a map or a record such as BullMQ's job counts); `none` when empty. */
export function describeCounts(counts: ReadonlyMap<string, number> | Readonly<Record<string, number>>): string {
  const entries = counts instanceof Map ? [...counts] : Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([key, count]) => `${key} ${count}`).join(', ');
}

/** Checks on a tally: every failure clear and expected, none settled past its deadline plus the slack. */
export function outcomeChecks(outcomes: OutcomeTally, slackMs: number): ScenarioCheck[] {
  const firstOf = (list: readonly string[]): string => (list[0] === undefined ? '' : ` (first: ${list[0]})`);
  return [
    check(
      'every failure has a public code and no engine text',
      outcomes.unclear.length === 0,
      `${outcomes.unclear.length} unclear${firstOf(outcomes.unclear)}`,
    ),
    check(
      'no failure without an injected cause (bounded retries absorb transient faults)',
      outcomes.unexpected.length === 0,
      `${outcomes.unexpected.length} failed otherwise${firstOf(outcomes.unexpected)}`,
    ),
    check(
      `none settles past its deadline (+${slackMs / 1000} s)`,
      outcomes.overran.length === 0,
      `${outcomes.overran.length} late${firstOf(outcomes.overran)}`,
    ),
  ];
}
