import type { RequestView } from '@threadloom/contracts';

/** Links a client follows from a request. */
export function requestLinks(id: string) {
  const self = `/v1/reasoning/${encodeURIComponent(id)}`;
  return { self, events: `${self}/events`, cancel: self };
}

/** The fields every wire form of a request starts with. */
function envelope(view: RequestView) {
  return {
    id: view.id,
    object: 'reasoning.request' as const,
    status: view.status,
    created_at: new Date(view.createdAt).toISOString(),
    updated_at: new Date(view.updatedAt).toISOString(),
    ...(view.batchId !== undefined && { batch_id: view.batchId }),
    ...(view.metadata !== undefined && { metadata: view.metadata }),
  };
}

/** The wire form of a request (snake_case envelope; the result keeps the runtime's field names). */
export function presentRequest(view: RequestView) {
  return {
    ...envelope(view),
    ...(view.result !== undefined && { result: view.result }),
    ...(view.error !== undefined && { error: view.error }),
    ...(view.errorCode !== undefined && { error_code: view.errorCode }),
    links: requestLinks(view.id),
  };
}

/** A request in a listing: status and figures without the (possibly long) text and blocks. */
export function presentRequestSummary(view: RequestView) {
  return {
    ...envelope(view),
    answer: view.result?.answer ?? null,
    metrics: view.result?.metrics ?? null,
    termination: view.result?.termination ?? null,
    ...(view.error !== undefined && { error: view.error }),
    links: requestLinks(view.id),
  };
}
