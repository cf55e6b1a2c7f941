import { createWriteStream, type WriteStream } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';

/** One captured `/v1/completions` request: the body as sent and the headers that matter (never the key). */
interface CapturedRequest {
  readonly receivedAt: string;
  readonly requestIdHeader: string | null;
  readonly traceparent: string | null;
  /** Whether an Authorization header came (its value is never recorded). */
  readonly hasAuthorization: boolean;
  readonly body: unknown;
}

/** Appends every completion request as one JSON line, for tests and for checking a client against vLLM. */
export class RequestCapture {
  private readonly out: WriteStream;

  constructor(path: string) {
    this.out = createWriteStream(path, { flags: 'a' });
  }

  /** Records one request. */
  record(headers: IncomingHttpHeaders, body: unknown): void {
    const entry: CapturedRequest = {
      receivedAt: new Date().toISOString(),
      requestIdHeader: single(headers['x-request-id']),
      traceparent: single(headers['traceparent']),
      hasAuthorization: headers.authorization !== undefined,
      body,
    };
    this.out.write(`${JSON.stringify(entry)}\n`);
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve) => this.out.end(() => resolve()));
  }
}

function single(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
