/** `INFO` output of a Redis server lacked the counters a usage reading needs. */
export class RedisUsageError extends Error {
  override readonly name = 'RedisUsageError';
  readonly node: string;
  readonly issues: readonly string[];

  constructor(node: string, issues: readonly string[]) {
    super(`unreadable INFO from ${node}: ${issues.join('; ')}`);
    this.node = node;
    this.issues = issues;
  }
}
