import { describe, expect, it } from 'vitest';
import { linkFaultFigures, type LinkFaultMeasures } from './link-fault-figures.js';

const measures: LinkFaultMeasures = {
  settings: { lossProbability: 0.05, delayMs: 20 },
  roundTrips: { direct: [0.2, 0.3, 0.25, 0.4], relayed: [41, 42.5, 45, 240] },
  packets: [
    { in: { dropped: 10, passed: 190 }, out: { dropped: 5, passed: 95 } },
    { in: { dropped: 2, passed: 98 }, out: { dropped: 1, passed: 99 } },
  ],
  delayedConnections: 14,
};

describe('link fault figures', () => {
  it('reports packets dropped per direction with the measured rate, and the PING round trips', () => {
    expect(linkFaultFigures(measures).extra).toEqual({
      'loss set': '5% each way',
      'dropped in': '12 of 300 (4%)',
      'dropped out': '6 of 200 (3%)',
      'relay delay set': '20 ms each way',
      'PING p50 direct': '0.3 ms',
      'PING p50 relayed': '42.5 ms',
      'PING p90 relayed': '240.0 ms',
      'added p50': '42.3 ms',
      'delayed connections': 14,
    });
  });

  it('holds when every link dropped both ways and no relayed round trip beat twice the delay', () => {
    expect(linkFaultFigures(measures).checks.map((item) => item.ok)).toEqual([true, true]);
  });

  it('fails when a link dropped nothing one way, or a relayed round trip was faster than the delay allows', () => {
    const quiet: LinkFaultMeasures = {
      ...measures,
      roundTrips: { direct: [0.2], relayed: [39.5, 41] },
      packets: [...measures.packets, { in: { dropped: 3, passed: 50 }, out: { dropped: 0, passed: 60 } }],
    };
    expect(linkFaultFigures(quiet).checks).toEqual([
      {
        name: 'random loss dropped packets on every machine link, both ways',
        ok: false,
        detail: 'machine-1 in 10 out 5, machine-2 in 2 out 1, machine-3 in 3 out 0',
      },
      {
        name: 'every Redis round trip through the relay took at least twice its delay',
        ok: false,
        detail: 'fastest 39.5 ms of 2; 14 machine connections delayed',
      },
    ]);
  });
});
