import { startDelayRelay, type DelayRelay } from './delay-relay.js';
import { pingFromNamespace } from './namespace-ping.js';
import type { NetnsMachines } from './netns-machines.js';
import type { LinkFaultMeasures } from './link-fault-figures.js';
import { addPacketLoss, packetCounts, removePacketLoss } from './netns-packet-loss.js';
import type { NetworkFaultSettings } from './network-fault-settings.js';

/** PINGs per machine and path when the added latency is measured. */
const PINGS = 20;

/** Redis PING round trips (ms) from inside the machines' namespaces, straight to Redis and through the relay. */
export interface RoundTrips {
  readonly direct: readonly number[];
  readonly relayed: readonly number[];
}

/** Loss and latency on every machine's link to the host, for as long as a scenario runs. */
export interface LinkFaults {
  /** The Redis URL of every process of the stack: the relay, which delays the machines and no one else. */
  readonly redisUrl: string;
  /** PINGs from each machine, straight to Redis (no relay) and through the relay, under the loss rules. */
  measureRoundTrips(signal: AbortSignal): Promise<RoundTrips>;
  /** The settings, the loss rules' counters by machine, and the relay connections that came from a machine. */
  measures(): Omit<LinkFaultMeasures, 'roundTrips'>;
  /** Closes the relay and removes the loss rules; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Puts random loss on every machine's veth (iptables in its namespace) and a relay between the
 * machines and the Redis at 127.0.0.1:`redisPort` that delays each machine's traffic both ways.
 */
export async function startLinkFaults(
  machines: NetnsMachines,
  redisPort: number,
  settings: NetworkFaultSettings,
): Promise<LinkFaults> {
  let relay: DelayRelay | undefined;
  const close = async (): Promise<void> => {
    await relay?.close();
    relay = undefined;
    for (const namespace of machines.namespaces) removePacketLoss(namespace);
  };
  try {
    machines.namespaces.forEach((namespace, index) =>
      addPacketLoss(namespace, machines.links[index]!, settings.lossProbability),
    );
    relay = await startDelayRelay({
      host: machines.hostAddress,
      target: { host: '127.0.0.1', port: redisPort },
      delayFor: (address) => (machines.addresses.includes(address.replace(/^::ffff:/, '')) ? settings.delayMs : 0),
    });
  } catch (error) {
    await close();
    throw error;
  }
  const relayPort = relay.port;
  const counted = relay;
  return {
    redisUrl: `redis://${machines.hostAddress}:${String(relayPort)}`,
    measureRoundTrips: (signal) => measureRoundTrips(machines, redisPort, relayPort, signal),
    measures: () => ({
      settings,
      packets: machines.namespaces.map((namespace, index) => packetCounts(namespace, machines.links[index]!)),
      delayedConnections: counted.delayedConnections(),
    }),
    close,
  };
}

async function measureRoundTrips(
  machines: NetnsMachines,
  redisPort: number,
  relayPort: number,
  signal: AbortSignal,
): Promise<RoundTrips> {
  const host = machines.hostAddress;
  // Every probe at once (one connection each): the scenario's clock matters more than a quiet baseline.
  const probes = (port: number): Promise<number[][]> =>
    Promise.all(machines.namespaces.map((namespace) => pingFromNamespace(namespace, host, port, PINGS, signal)));
  const [direct, relayed] = await Promise.all([probes(redisPort), probes(relayPort)]);
  return { direct: direct.flat(), relayed: relayed.flat() };
}
