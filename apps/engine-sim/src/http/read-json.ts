import type { IncomingMessage } from 'node:http';

/** A body that is not JSON (or too large). */
type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Reads and parses a JSON request body; never throws. */
export async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, message: 'Request body too large.' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, message: `Invalid JSON body: ${(error as Error).message}` };
  }
}
