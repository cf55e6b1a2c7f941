import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findFreePort,
  startRedisServer,
  supervise,
  type RestartPolicy,
  type RunningRedis,
  type SupervisedChild,
  type SupervisorHooks,
} from '@threadloom/devstack';

/** The stack's own redis-server: AOF on, restarted on the same port and data directory after a crash. */
export interface PrivateRedis {
  readonly url: string;
  readonly dataDir: string;
  readonly supervised: SupervisedChild<RunningRedis>;
  /** Stops it; removes the data directory unless Redis crashed during the run (then returns the kept path). */
  stop(): Promise<string | undefined>;
}

/** The supervisor name of the private Redis. */
export const REDIS_CHILD = 'redis-server';

/** Starts a private Redis under supervision; its AOF replays on every restart, so nothing acknowledged is lost. */
export async function startPrivateRedis(
  policy: RestartPolicy | undefined,
  hooks: SupervisorHooks,
): Promise<PrivateRedis> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'threadloom-redis-'));
  const start = (): Promise<RunningRedis> => startRedisServer({ port, dataDir, appendOnly: true });
  const supervised = await supervise(REDIS_CHILD, start, { hooks, ...(policy === undefined ? {} : { policy }) }).catch(
    (error: unknown) => {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    },
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    dataDir,
    supervised,
    stop: async () => {
      await supervised.stop();
      if (supervised.everCrashed()) return dataDir;
      rmSync(dataDir, { recursive: true, force: true });
      return undefined;
    },
  };
}
