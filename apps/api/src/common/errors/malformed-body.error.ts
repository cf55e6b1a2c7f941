/** The body could not be parsed (bad JSON or JSONL). */
export class MalformedBodyError extends Error {
  override readonly name = 'MalformedBodyError';
  constructor(detail: string) {
    super(`Malformed request body: ${detail}`);
  }
}
