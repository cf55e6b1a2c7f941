import { quantile } from '../orchestration-stats.js';
import type { RoundTrips } from './link-faults.js';
import type { LinkPacketCounts, PacketCounts } from './netns-packet-loss.js';
import type { NetworkFaultSettings } from './network-fault-settings.js';
import { check, type ScenarioCheck } from './scenario.js';

/** What a run measured of the loss and latency it put on the machines' links. */
export interface LinkFaultMeasures {
  readonly settings: NetworkFaultSettings;
  readonly roundTrips: RoundTrips;
  /** The loss rules' counters by machine, read at the end of the batch. */
  readonly packets: readonly LinkPacketCounts[];
  readonly delayedConnections: number;
}

/** The figures and checks of the link faults: packets dropped per direction, PING round trips, added latency. */
export function linkFaultFigures(measures: LinkFaultMeasures): {
  extra: Record<string, string | number>;
  checks: ScenarioCheck[];
} {
  const { settings, roundTrips, packets } = measures;
  const inbound = sum(packets.map((machine) => machine.in));
  const outbound = sum(packets.map((machine) => machine.out));
  const direct = quantile(roundTrips.direct, 0.5);
  const relayed = quantile(roundTrips.relayed, 0.5);
  const fastestRelayed = Math.min(...roundTrips.relayed);
  const everyLinkDropped = packets.every((machine) => machine.in.dropped > 0 && machine.out.dropped > 0);
  return {
    extra: {
      'loss set': `${formatPercent(settings.lossProbability)} each way`,
      'dropped in': describePackets(inbound),
      'dropped out': describePackets(outbound),
      'relay delay set': `${String(settings.delayMs)} ms each way`,
      'PING p50 direct': formatMs(direct),
      'PING p50 relayed': formatMs(relayed),
      'PING p90 relayed': formatMs(quantile(roundTrips.relayed, 0.9)),
      'added p50': formatMs(relayed - direct),
      'delayed connections': measures.delayedConnections,
    },
    checks: [
      check(
        'random loss dropped packets on every machine link, both ways',
        everyLinkDropped,
        packets
          .map((machine, index) => `machine-${String(index + 1)} in ${machine.in.dropped} out ${machine.out.dropped}`)
          .join(', '),
      ),
      check(
        'every Redis round trip through the relay took at least twice its delay',
        roundTrips.relayed.length > 0 && fastestRelayed >= 2 * settings.delayMs && measures.delayedConnections > 0,
        `fastest ${formatMs(fastestRelayed)} of ${roundTrips.relayed.length}; ${measures.delayedConnections} machine connections delayed`,
      ),
    ],
  };
}

function sum(counts: readonly PacketCounts[]): PacketCounts {
  return counts.reduce(
    (total, next) => ({ dropped: total.dropped + next.dropped, passed: total.passed + next.passed }),
    {
      dropped: 0,
      passed: 0,
    },
  );
}

/** `dropped of seen (rate)`, the rate measured from the counters. */
function describePackets(counts: PacketCounts): string {
  const seen = counts.dropped + counts.passed;
  return `${String(counts.dropped)} of ${String(seen)} (${formatPercent(seen === 0 ? 0 : counts.dropped / seen)})`;
}

function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

function formatMs(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}
