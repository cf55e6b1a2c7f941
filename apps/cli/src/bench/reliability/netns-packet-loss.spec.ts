import { describe, expect, it } from 'vitest';
import { countsFromRules } from './netns-packet-loss.js';

// `iptables -w -v -S` in a machine namespace with the loss rules on its link, as iptables 1.8.9 prints it.
const LISTING = [
  '-P INPUT ACCEPT -c 0 0',
  '-P FORWARD ACCEPT -c 0 0',
  '-P OUTPUT ACCEPT -c 0 0',
  '-A INPUT -i tln-ab12-1 -m statistic --mode random --probability 0.04999999981 -c 31 2290 -j DROP',
  '-A INPUT -i tln-ab12-1 -c 590 81231 -j ACCEPT',
  '-A OUTPUT -o tln-ab12-1 -m statistic --mode random --probability 0.04999999981 -c 28 1800 -j DROP',
  '-A OUTPUT -o tln-ab12-1 -c 602 70001 -j ACCEPT',
  '-A OUTPUT -o tln-ab12-10 -c 9 9 -j ACCEPT',
  '',
].join('\n');

describe('packet loss counters', () => {
  it('reads dropped and delivered packets per direction of the link', () => {
    expect(countsFromRules(LISTING, 'tln-ab12-1')).toEqual({
      in: { dropped: 31, passed: 590 },
      out: { dropped: 28, passed: 602 },
    });
  });

  it('counts nothing for a link without rules', () => {
    expect(countsFromRules(LISTING, 'tln-ff00-2')).toEqual({
      in: { dropped: 0, passed: 0 },
      out: { dropped: 0, passed: 0 },
    });
  });
});
