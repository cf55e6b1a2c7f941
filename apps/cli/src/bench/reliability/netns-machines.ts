import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';

/**
 * Simulated machines on a private network: a host bridge (x.x.x.1/24) and, per machine, a network
 * namespace joined to it by a veth pair. A machine is partitioned by taking its host-side veth down
 * (this kernel has no netem: see docs/reliability.md).
 */
export interface NetnsMachines {
  /** The bridge address processes in the namespaces reach the host by (Redis listens there). */
  readonly hostAddress: string;
  /** Namespace name of each machine, by index. */
  readonly namespaces: readonly string[];
  /** Each machine's end of its veth pair (inside its namespace), by index. */
  readonly links: readonly string[];
  /** Each machine's address on the bridge, by index. */
  readonly addresses: readonly string[];
  /** Cuts machine `index` off the network (its host-side veth down). */
  partition(index: number): void;
  /** Brings machine `index` back. */
  restore(index: number): void;
  /** Whether machine `index`'s host-side link is up, as the kernel reports it. */
  linkUp(index: number): boolean;
  /** Deletes the namespaces, veths and bridge; safe to call twice and after a partial setup. */
  remove(): void;
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates the bridge and `count` namespaces (names and the /24 are random, so parallel runs do not collide). */
export function createNetnsMachines(count: number): NetnsMachines {
  const tag = randomBytes(2).toString('hex');
  const subnet = `10.213.${String(randomInt(0, 256))}`;
  const bridge = `tlb-${tag}`;
  const hostVeth = (index: number): string => `tlh-${tag}-${String(index + 1)}`;
  const namespaces = Array.from({ length: count }, (_, index) => `tl-${tag}-${String(index + 1)}`);
  const links = namespaces.map((_, index) => `tln-${tag}-${String(index + 1)}`);
  const addresses = namespaces.map((_, index) => `${subnet}.${String(10 + index)}`);
  const created: { namespaces: string[]; bridge: boolean } = { namespaces: [], bridge: false };
  const remove = (): void => {
    // Deleting a namespace deletes its veth end, and with it the host end.
    for (const name of created.namespaces.splice(0)) tryIp('netns', 'del', name);
    if (created.bridge) tryIp('link', 'del', bridge);
    created.bridge = false;
  };
  try {
    ip('link', 'add', bridge, 'type', 'bridge');
    created.bridge = true;
    ip('addr', 'add', `${subnet}.1/24`, 'dev', bridge);
    ip('link', 'set', bridge, 'up');
    namespaces.forEach((name, index) => {
      ip('netns', 'add', name);
      created.namespaces.push(name);
      addMachine(name, hostVeth(index), links[index]!, bridge, `${addresses[index]!}/24`);
    });
  } catch (error) {
    remove();
    throw error;
  }
  return {
    hostAddress: `${subnet}.1`,
    namespaces,
    links,
    addresses,
    partition: (index) => void ip('link', 'set', hostVeth(index), 'down'),
    restore: (index) => void ip('link', 'set', hostVeth(index), 'up'),
    linkUp: (index) => /state UP/.test(ip('link', 'show', hostVeth(index))),
    remove,
  };
}

function addMachine(name: string, hostEnd: string, nsEnd: string, bridge: string, address: string): void {
  ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', nsEnd);
  ip('link', 'set', nsEnd, 'netns', name);
  ip('link', 'set', hostEnd, 'master', bridge);
  ip('link', 'set', hostEnd, 'up');
  ip('-n', name, 'addr', 'add', address, 'dev', nsEnd);
  ip('-n', name, 'link', 'set', nsEnd, 'up');
  // The machine's simulator and worker talk over the namespace's own loopback.
  ip('-n', name, 'link', 'set', 'lo', 'up');
}

function tryIp(...args: string[]): void {
  try {
    ip(...args);
  } catch {
    // Already gone (a partial setup, or a second remove).
  }
}
