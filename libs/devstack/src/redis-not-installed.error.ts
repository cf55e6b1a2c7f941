/** Thrown when `redis-server` is not on PATH. The message says how to install it. */
export class RedisNotInstalledError extends Error {
  constructor(binary: string) {
    super(
      `'${binary}' was not found on PATH. Install Redis first, for example: ` +
        `'sudo apt-get install -y redis-server' (Debian/Ubuntu) or 'brew install redis' (macOS), ` +
        `or pass --redis-url to use an existing server.`,
    );
    this.name = 'RedisNotInstalledError';
  }
}
