/** What one machine last reported: free sequence slots of its engine and when, plus its queue and measured rates. */
export interface MachineLoad {
  readonly machine: string;
  readonly free: number;
  readonly at: number;
  readonly running?: number;
  readonly waiting?: number;
  /** Engine-measured decode step (ms), prefill rate (tokens/s) and mean output tokens per request. */
  readonly stepMs?: number;
  readonly prefillTokensPerSecond?: number;
  readonly meanGenerationTokens?: number;
  /** Where other workers reach this machine's engine (ENGINE_ADVERTISE_URL); absent = its own worker only. */
  readonly url?: string;
}

/**
 * Whether a worker should hand a job back to the queue instead of starting it: only when its own
 * engine has no free slot and some other machine reported one recently. When every engine is full the
 * job runs here and waits in the engine, so work is never parked while nothing could take it.
 */
export function shouldYield(
  localFree: number,
  fleet: readonly MachineLoad[],
  self: string,
  now: number,
  freshMs: number,
): boolean {
  if (localFree > 0) return false;
  return fleet.some((load) => load.machine !== self && load.free > 0 && now - load.at <= freshMs);
}

const OPTIONAL = ['running', 'waiting', 'stepMs', 'prefillTokensPerSecond', 'meanGenerationTokens'] as const;

/**
 * The engine-load hash value of a reading: `<free> <at>` then the optional numbers in order, `-` when
 * unknown, then the advertised engine URL when there is one (a URL holds no spaces).
 */
export function formatMachineLoad(load: Omit<MachineLoad, 'machine'>): string {
  const url = load.url === undefined ? [] : [load.url];
  return [load.free, load.at, ...OPTIONAL.map((key) => load[key] ?? '-'), ...url].join(' ');
}

/**
 * Parses the engine-load hash (`machine → "<free> <at> [running waiting stepMs prefill/s meanTokens [url]]"`),
 * skipping malformed entries.
 */
export function parseFleetLoad(hash: Readonly<Record<string, string>>): MachineLoad[] {
  return Object.entries(hash).flatMap(([machine, value]) => {
    const fields = value.split(' ');
    const url = fields[2 + OPTIONAL.length];
    const [free, at, ...rest] = fields.map((field) => (field === '-' ? Number.NaN : Number(field)));
    if (free === undefined || at === undefined || !Number.isFinite(free) || !Number.isFinite(at)) return [];
    const optional = Object.fromEntries(
      OPTIONAL.flatMap((key, index) => {
        const field = rest[index];
        return field !== undefined && Number.isFinite(field) ? [[key, field]] : [];
      }),
    );
    return [{ machine, free, at, ...optional, ...(url === undefined ? {} : { url }) }];
  });
}
