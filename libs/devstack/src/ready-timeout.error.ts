/** A supervised child process did not print its ready line in time. */
export class ReadyTimeoutError extends Error {
  override readonly name = 'ReadyTimeoutError';
  readonly child: string;
  readonly timeoutMs: number;
  /** The child's output so far (as much as the tail keeps). */
  readonly tail: readonly string[];

  constructor(child: string, timeoutMs: number, tail: readonly string[]) {
    const output = tail.length === 0 ? ' (no output)' : `; last output:\n  ${tail.join('\n  ')}`;
    super(`${child} was not ready within ${timeoutMs} ms${output}`);
    this.child = child;
    this.timeoutMs = timeoutMs;
    this.tail = tail;
  }
}
