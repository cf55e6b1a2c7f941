/** A supervised child process exited before it printed its ready line. */
export class ChildExitedError extends Error {
  override readonly name = 'ChildExitedError';
  readonly child: string;
  readonly code: number | null;
  readonly signal: string | null;
  /** The child's output up to its exit (as much as the tail keeps). */
  readonly tail: readonly string[];

  constructor(child: string, code: number | null, signal: string | null, tail: readonly string[]) {
    const how = signal === null ? `code ${String(code)}` : `signal ${signal}`;
    const output = tail.length === 0 ? ' (no output)' : `; last output:\n  ${tail.join('\n  ')}`;
    super(`${child} exited with ${how} before it was ready${output}`);
    this.child = child;
    this.code = code;
    this.signal = signal;
    this.tail = tail;
  }
}
