import type { RedisClient } from '../redis/redis-client.js';

/**
 * A Lua script run as an ioredis custom command (`defineCommand`): ioredis sends EVALSHA and falls
 * back to EVAL itself when Redis has not cached the body yet (fresh or restarted server, another node).
 */
export interface RedisScript {
  /** Command name on the connection; prefixed so it never shadows an ioredis method. */
  readonly name: string;
  readonly body: string;
}

/** Names a script body as a custom command (`threadloom<Name>`). */
export function redisScript(name: string, body: string): RedisScript {
  return { name: `threadloom${name}`, body };
}

/** A defined command without `numberOfKeys`: the key count comes first. */
type ScriptCommand = (this: RedisClient, numberOfKeys: number, ...keysAndArgs: (string | number)[]) => Promise<unknown>;

/** Runs `script` on `redis`, defining it on that connection the first time. */
export async function runScript(
  redis: RedisClient,
  script: RedisScript,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  const commands = redis as unknown as Readonly<Record<string, ScriptCommand | undefined>>;
  if (commands[script.name] === undefined) redis.defineCommand(script.name, { lua: script.body });
  const command = commands[script.name] as ScriptCommand;
  return command.call(redis, keys.length, ...keys, ...args);
}
