import { describe, expect, it } from 'vitest';
import type { ConfigFigures } from './scale-figures.js';
import { replaceScaleFigures, SCALE_END, SCALE_START } from './scale-record.js';
import { renderScaleReport } from './scale-report.js';

const config = (label: string, busiestShare: number, memory?: ConfigFigures['memory']): ConfigFigures => ({
  label,
  lanes: 3,
  requests: 100,
  threadsPerRequest: 4,
  requestsPerSecond: 12.5,
  commandsPerRequest: 431.84,
  commandUsPerRequest: 3_180.4,
  cpuMsPerRequest: 4.512,
  masters: [
    {
      node: 'a',
      lanes: [0, 1],
      share: busiestShare,
      requestShare: 0.6,
      commandsPerRequest: 1,
      commandUsPerRequest: 1,
      cpuMsPerRequest: 4,
    },
    {
      node: 'b',
      lanes: [],
      share: 1 - busiestShare,
      requestShare: 0.4,
      commandsPerRequest: 1,
      commandUsPerRequest: 1,
      cpuMsPerRequest: 0.5,
    },
  ],
  busiestShare,
  busiestCpuMsPerRequest: 4,
  spreadGain: 1 / busiestShare,
  processes: [{ role: 'join worker', cpuMsPerRequest: 4.25 }],
  ...(memory === undefined ? {} : { memory }),
});

const CONTEXT = {
  measuredAt: '2026-12-03 03:33 UTC',
  commit: 'abc1234',
  masters: 2,
  loadAverage: '6.0',
  seconds: 123.4,
  quick: true,
};

describe('scale bench report', () => {
  it('puts the configurations side by side, one column each, with the derived per-core rate', () => {
    const lines = renderScaleReport(CONTEXT, [
      config('1 lane', 1, { inFlightBytesPerRequest: 18_790.4, retainedBytesPerRequest: 23_016 }),
      config('3 lanes', 0.8),
    ]);
    expect(lines[0]).toBe('Measured 2026-12-03 03:33 UTC at `abc1234`, 2 masters, load average 6.0, 123 s (--quick).');
    expect(lines).toContain('| measure | 1 lane | 3 lanes |');
    expect(lines).toContain('| threads per request (one block) | 4 | 4 |');
    expect(lines).toContain('| Redis commands per request (all masters) | 431.8 | 431.8 |');
    expect(lines).toContain('| Redis command time per request, µs (commandstats) | 3,180 | 3,180 |');
    expect(lines).toContain('| busiest master: share of commands | 100 % | 80 % |');
    expect(lines).toContain('| spread gain (1 / busiest share) | 1.00× | 1.25× |');
    expect(lines).toContain('| requests/s before the busiest master fills one core | 250 | 250 |');
    expect(lines).toContain('| join worker: CPU per request, ms | 4.25 | 4.25 |');
    expect(lines).toContain('| 3 lanes | 80 % / 60 % (0,1) | 20 % / 40 % (—) |');
    expect(lines).toContain('| in flight: held at its fork, 4 thread jobs queued | 18,790 |');
  });

  it('replaces only the marked block, and appends a scale section when the page has none', () => {
    const page = `# Benchmarks\n\n## scale\n\nprose\n\n${SCALE_START}\nold\n${SCALE_END}\n\nafter\n`;
    expect(replaceScaleFigures(page, ['new 1', 'new 2'])).toBe(
      `# Benchmarks\n\n## scale\n\nprose\n\n${SCALE_START}\nnew 1\nnew 2\n${SCALE_END}\n\nafter\n`,
    );
    expect(replaceScaleFigures('# Benchmarks\n', ['x'])).toBe(
      `# Benchmarks\n\n## scale\n\n${SCALE_START}\nx\n${SCALE_END}\n`,
    );
  });
});
