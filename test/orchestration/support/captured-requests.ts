// Reads the engine-sim's --capture-requests file: every /v1/completions request the workers sent.
import { existsSync, readFileSync } from 'node:fs';

/** One captured request, as the simulator writes it (the key itself is never written). */
export interface CapturedRequest {
  readonly requestIdHeader: string | null;
  readonly traceparent: string | null;
  readonly hasAuthorization: boolean;
  readonly body: {
    readonly prompt: string | number[];
    readonly max_tokens: number;
    readonly seed?: number | null;
    readonly stop?: string[] | null;
    readonly [field: string]: unknown;
  };
}

/** Every request in `path` so far, in arrival order. */
export function capturedRequests(path: string): CapturedRequest[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CapturedRequest);
}

/** The captured requests of one threadloom request (their X-Request-Id starts with its id). */
export function requestsOf(captured: readonly CapturedRequest[], requestId: string): CapturedRequest[] {
  return captured.filter((request) => request.requestIdHeader?.startsWith(`${requestId}:`) === true);
}
