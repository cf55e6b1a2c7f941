import { ApiCallError, type ApiErrorAnswer, type ApiIssue } from './api-call.error.js';
import { ApiUnreachableError } from './api-unreachable.error.js';

/** Options of one call. */
interface CallOptions {
  readonly body?: string;
  readonly contentType?: string;
  readonly idempotencyKey?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/** A thin HTTP client of a (possibly remote) threadloom API; errors become typed, actionable errors. */
export class RemoteApi {
  readonly baseUrl: string;
  private readonly apiKey: string | undefined;

  constructor(baseUrl: string, apiKey: string | undefined) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.apiKey = apiKey;
  }

  /** Calls the API and parses its JSON answer. */
  async json<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const response = await this.open(method, path, options);
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw this.brokenBody(error, options.signal);
    }
  }

  /** The error to throw when a response body broke off while being read. */
  brokenBody(error: unknown, signal?: AbortSignal): unknown {
    return signal?.aborted === true || error instanceof SyntaxError
      ? error
      : new ApiUnreachableError(this.baseUrl, error);
  }

  /** Calls the API and returns the successful response (its body unread), for streams. */
  async open(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.apiKey !== undefined) headers['authorization'] = `Bearer ${this.apiKey}`;
    if (options.contentType !== undefined) headers['content-type'] = options.contentType;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: options.body }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      throw new ApiUnreachableError(this.baseUrl, error);
    }
    if (response.ok) return response;
    throw new ApiCallError(method, path, await readErrorAnswer(response));
  }
}

async function readErrorAnswer(response: Response): Promise<ApiErrorAnswer> {
  const text = await response.text().catch(() => '');
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  const base = {
    status: response.status,
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 && { retryAfterSeconds: retryAfter }),
  };
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; issues?: unknown } };
    const error = parsed.error ?? {};
    return {
      ...base,
      code: typeof error.code === 'string' ? error.code : 'unknown',
      message: typeof error.message === 'string' ? error.message : text.slice(0, 300),
      issues: Array.isArray(error.issues) ? (error.issues as ApiIssue[]) : [],
    };
  } catch {
    return { ...base, code: 'unknown', message: text.slice(0, 300) || response.statusText, issues: [] };
  }
}
