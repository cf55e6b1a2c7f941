import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startRedisServer, type RunningRedis } from '@threadloom/devstack';

/** The fsync policy of the production profile (infra/k8s/base/redis.conf). */
export const PRODUCTION_APPEND_FSYNC = 'everysec';

/** A Redis with AOF that the scenario itself stops and starts again on the same port and data directory. */
export interface RestartableRedis {
  readonly url: string;
  readonly dataDir: string;
  /** Ends the running redis-server with `signal` (SIGTERM: a clean shutdown; SIGKILL: a crash); resolves once it is gone. */
  down(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts redis-server again on the same port and data directory (it replays its AOF); resolves once it listens. */
  up(): Promise<void>;
  /** Stops it for good and removes the data directory. */
  stop(): Promise<void>;
}

/** Starts a private redis-server with AOF on (fsync as production) that a scenario may take down and bring back. */
export async function startRestartableRedis(): Promise<RestartableRedis> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'threadloom-redis-restart-'));
  const launch = (): Promise<RunningRedis> =>
    startRedisServer({ port, dataDir, appendOnly: true, appendFsync: PRODUCTION_APPEND_FSYNC });
  let running: RunningRedis | undefined = await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    dataDir,
    down: async (signal) => {
      const current = running;
      running = undefined;
      if (current === undefined) return;
      if (signal === 'SIGKILL') await current.kill();
      else await current.stop();
    },
    up: async () => {
      running ??= await launch();
    },
    stop: async () => {
      await running?.stop();
      running = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
