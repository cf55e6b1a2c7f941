import type { CommandCounters } from '@threadloom/devstack';
import type { ConfigSample, MasterSample } from './scale-sample.js';

/** Per-request costs of one master. */
interface MasterFigures {
  readonly node: string;
  readonly lanes: readonly number[];
  /** Its part of all commands the cluster ran (0–1). */
  readonly share: number;
  /** Its part of the requests (those of the lanes it serves; 0–1). */
  readonly requestShare: number;
  readonly commandsPerRequest: number;
  /** commandstats usec per request, µs. */
  readonly commandUsPerRequest: number;
  /** Process CPU per request net of its idle rate, ms (never below 0). */
  readonly cpuMsPerRequest: number;
}

/** Per-request costs and spread of one lane configuration. */
export interface ConfigFigures {
  readonly label: string;
  readonly lanes: number;
  readonly requests: number;
  readonly threadsPerRequest: number;
  readonly requestsPerSecond: number;
  readonly commandsPerRequest: number;
  readonly commandUsPerRequest: number;
  readonly cpuMsPerRequest: number;
  readonly masters: readonly MasterFigures[];
  /** Largest share of commands on one master: the part of the load that saturates first. */
  readonly busiestShare: number;
  /** Net CPU per request of the master with the largest share, ms. */
  readonly busiestCpuMsPerRequest: number;
  /** 1 / busiestShare: how many times one shard's load the cluster takes before its busiest master carries a full shard's. */
  readonly spreadGain: number;
  /** CPU per request of each group of fleet processes, ms. */
  readonly processes: readonly { readonly role: string; readonly cpuMsPerRequest: number }[];
  readonly memory?: { readonly inFlightBytesPerRequest: number; readonly retainedBytesPerRequest: number };
}

/** Turns one configuration's measurements into per-request figures. */
export function configFigures(sample: ConfigSample): ConfigFigures {
  const n = Math.max(1, sample.requests);
  const totalCalls = sample.masters.reduce((sum, master) => sum + master.delta.calls, 0);
  const masters = sample.masters.map((master) => ({
    ...masterFigures(master, totalCalls, n, sample.windowSeconds),
    requestShare: master.lanes.reduce((sum, lane) => sum + (sample.requestsByLane[lane] ?? 0), 0) / n,
  }));
  const busiest = masters.reduce<MasterFigures | undefined>(
    (top, m) => (top === undefined || m.share > top.share ? m : top),
    undefined,
  );
  const busiestShare = busiest?.share ?? 0;
  return {
    label: sample.label,
    lanes: sample.lanes,
    requests: sample.requests,
    threadsPerRequest: sample.threadsPerRequest,
    requestsPerSecond: sample.windowSeconds > 0 ? sample.requests / sample.windowSeconds : 0,
    commandsPerRequest: totalCalls / n,
    commandUsPerRequest: masters.reduce((sum, m) => sum + m.commandUsPerRequest, 0),
    cpuMsPerRequest: masters.reduce((sum, m) => sum + m.cpuMsPerRequest, 0),
    masters,
    busiestShare,
    busiestCpuMsPerRequest: busiest?.cpuMsPerRequest ?? 0,
    spreadGain: busiestShare > 0 ? 1 / busiestShare : 0,
    processes: sample.processes.map((group) => ({ role: group.role, cpuMsPerRequest: (group.cpuSeconds * 1000) / n })),
    ...(sample.memory === undefined
      ? {}
      : {
          memory: {
            inFlightBytesPerRequest: sample.memory.inFlightBytes / Math.max(1, sample.memory.requests),
            retainedBytesPerRequest: sample.memory.retainedBytes / Math.max(1, sample.memory.requests),
          },
        }),
  };
}

function masterFigures(
  master: MasterSample,
  totalCalls: number,
  requests: number,
  windowSeconds: number,
): Omit<MasterFigures, 'requestShare'> {
  const netCpu = Math.max(0, master.delta.cpuSeconds - master.idleCpuPerSecond * windowSeconds);
  return {
    node: master.node,
    lanes: master.lanes,
    share: totalCalls > 0 ? master.delta.calls / totalCalls : 0,
    commandsPerRequest: master.delta.calls / requests,
    commandUsPerRequest: master.delta.usec / requests,
    cpuMsPerRequest: (netCpu * 1000) / requests,
  };
}

/** The `count` commands with the most calls over every master, as calls per request. */
export function topCommands(
  sample: ConfigSample,
  count: number,
): { readonly command: string; readonly perRequest: number }[] {
  const merged = new Map<string, number>();
  for (const master of sample.masters)
    for (const [name, counters] of Object.entries<CommandCounters>(master.delta.commands))
      merged.set(name, (merged.get(name) ?? 0) + counters.calls);
  return [...merged.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, count)
    .map(([command, calls]) => ({ command, perRequest: calls / Math.max(1, sample.requests) }));
}
