import { EngineClient } from '@threadloom/engine-client';
import { LRUCache } from 'lru-cache';
import type { WorkerConfig } from '../config/worker-config.js';
import type { PlacementChoice } from '../placement/prefix-decision.js';

/** More machines than one fleet runs; an engine that moved (a new pod IP) ages out. */
const MAX_REMOTE_ENGINES = 256;

/** The engine a job's call goes to and the machine it belongs to. */
export interface EngineTarget {
  readonly machine: string;
  readonly client: EngineClient;
}

/**
 * This machine's engine client, and clients of other machines' engines at the URLs they advertise,
 * created on first use with the same key, timeout and context settings (one model across the fleet).
 */
export class EnginePool {
  private readonly remote = new LRUCache<string, EngineClient>({ max: MAX_REMOTE_ENGINES });

  constructor(
    readonly local: EngineClient,
    private readonly machineId: string,
    private readonly create: (url: string) => EngineClient,
  ) {}

  /** The pool of a worker with an engine (ENGINE_URL), else null. */
  static forWorker(config: WorkerConfig): EnginePool | null {
    if (config.engineUrl === null) return null;
    const create = (url: string): EngineClient =>
      new EngineClient({
        url,
        model: config.model,
        timeoutMs: config.engineTimeoutMs,
        apiKey: config.engine.apiKey,
        maxModelLen: config.engine.maxModelLen,
      });
    return new EnginePool(create(config.engineUrl), config.machineId, create);
  }

  /** Where a job placed by `choice` decodes: the engine placement routed it to, else this machine's. */
  target(choice: PlacementChoice | undefined): EngineTarget {
    const routed = choice?.engine;
    if (routed === undefined || routed.machine === this.machineId)
      return { machine: this.machineId, client: this.local };
    const known = this.remote.get(routed.url);
    const client = known ?? this.create(routed.url);
    if (known === undefined) this.remote.set(routed.url, client);
    return { machine: routed.machine, client };
  }
}
