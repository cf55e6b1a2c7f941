import type { RequestView } from '@threadloom/contracts';

/** Fields of a request's wire form (snake_case) that the API names differently from RequestView. */
interface WireFields {
  /** Epoch ms the request was created. */
  readonly createdAt: number;
  /** Epoch ms of its last change (for a terminal request: when it settled). */
  readonly updatedAt: number;
  readonly errorCode: string | undefined;
}

/** Reads `created_at`, `updated_at` and `error_code` from a view as the API sent it. */
export function wireFields(view: RequestView): WireFields {
  const wire = view as unknown as Readonly<Record<string, unknown>>;
  const code = wire['error_code'];
  return {
    createdAt: Date.parse(String(wire['created_at'])),
    updatedAt: Date.parse(String(wire['updated_at'])),
    errorCode: typeof code === 'string' ? code : undefined,
  };
}
