import { execFileSync } from 'node:child_process';
import { IptablesMissingError } from './iptables-missing.error.js';

/** IPv4 packets one direction of a link saw: dropped by the loss rule, and let through. */
export interface PacketCounts {
  readonly dropped: number;
  readonly passed: number;
}

/** What the loss rules of one machine's link counted, per direction (in: to the machine). */
export interface LinkPacketCounts {
  readonly in: PacketCounts;
  readonly out: PacketCounts;
}

const DIRECTIONS = [
  { key: 'in', chain: 'INPUT', flag: '-i' },
  { key: 'out', chain: 'OUTPUT', flag: '-o' },
] as const;

function iptablesIn(namespace: string, ...args: string[]): string {
  return execFileSync('ip', ['netns', 'exec', namespace, 'iptables', '-w', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Throws IptablesMissingError when the `iptables` command is not installed (loss is never skipped quietly). */
export function requireIptables(): void {
  try {
    execFileSync('iptables', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new IptablesMissingError();
    throw error;
  }
}

/**
 * Drops each IPv4 packet on `link` (the namespace's veth end) with `probability`, both ways, by netfilter's
 * `statistic` match: the kernel here has no netem. Each DROP rule is followed by an ACCEPT for the same
 * link, so the counters give both the dropped and the delivered packets. The namespace's loopback (its
 * worker talking to its own simulator) is not touched.
 */
export function addPacketLoss(namespace: string, link: string, probability: number): void {
  for (const { chain, flag } of DIRECTIONS) {
    const match = ['-A', chain, flag, link];
    iptablesIn(
      namespace,
      ...match,
      '-m',
      'statistic',
      '--mode',
      'random',
      '--probability',
      String(probability),
      '-j',
      'DROP',
    );
    iptablesIn(namespace, ...match, '-j', 'ACCEPT');
  }
}

/** The loss rules' counters on `link`, as the kernel reports them. */
export function packetCounts(namespace: string, link: string): LinkPacketCounts {
  return countsFromRules(iptablesIn(namespace, '-v', '-S'), link);
}

/** Removes the loss rules (the namespace is ours: its INPUT and OUTPUT chains hold nothing else); safe when it is gone. */
export function removePacketLoss(namespace: string): void {
  for (const { chain } of DIRECTIONS) {
    try {
      iptablesIn(namespace, '-F', chain);
    } catch {
      // The namespace is already gone, and its rules with it.
    }
  }
}

/** Reads the DROP/ACCEPT counters of `link` out of `iptables -v -S` output. */
export function countsFromRules(listing: string, link: string): LinkPacketCounts {
  const counts = { in: { dropped: 0, passed: 0 }, out: { dropped: 0, passed: 0 } };
  for (const line of listing.split('\n')) {
    for (const { key, chain, flag } of DIRECTIONS) {
      if (!line.startsWith(`-A ${chain} `) || !line.includes(` ${flag} ${link} `)) continue;
      const rule = /-c (\d+) \d+ -j (DROP|ACCEPT)$/.exec(line.trim());
      if (rule === null) continue;
      if (rule[2] === 'DROP') counts[key].dropped += Number(rule[1]);
      else counts[key].passed += Number(rule[1]);
    }
  }
  return counts;
}
