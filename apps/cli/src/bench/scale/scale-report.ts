import type { ConfigFigures } from './scale-figures.js';

/** How a run was made, printed above its tables. */
interface RunContext {
  readonly measuredAt: string;
  readonly commit: string;
  readonly masters: number;
  readonly loadAverage: string;
  readonly seconds: number;
  readonly quick: boolean;
}

const fixed = (value: number, digits: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (share: number): string => `${fixed(share * 100, 0)} %`;

/** The run's tables in Markdown (printed as they are, and recorded in docs/benchmarks.md). */
export function renderScaleReport(context: RunContext, configs: readonly ConfigFigures[]): string[] {
  const lines = [
    `Measured ${context.measuredAt} at \`${context.commit}\`, ${context.masters} masters, load average ${context.loadAverage}, ` +
      `${fixed(context.seconds, 0)} s${context.quick ? ' (--quick)' : ''}.`,
    '',
    ...sideBySide(configs),
    '',
    ...spread(configs, context.masters),
  ];
  const measured = configs.find((config) => config.memory !== undefined);
  const memory = measured?.memory;
  const memoryThreads = measured?.threadsPerRequest ?? 0;
  if (memory !== undefined)
    lines.push(
      '',
      '| Redis memory (Σ used_memory over the masters) | bytes per request |',
      '| --- | ---: |',
      `| in flight: held at its fork, ${memoryThreads} thread jobs queued | ${fixed(memory.inFlightBytesPerRequest, 0)} |`,
      `| completed: record, events and result kept for the retention | ${fixed(memory.retainedBytesPerRequest, 0)} |`,
    );
  return lines;
}

function sideBySide(configs: readonly ConfigFigures[]): string[] {
  const row = (label: string, cell: (config: ConfigFigures) => string): string =>
    `| ${label} | ${configs.map(cell).join(' | ')} |`;
  const roles = [...new Set(configs.flatMap((config) => config.processes.map((group) => group.role)))];
  return [
    `| measure | ${configs.map((config) => config.label).join(' | ')} |`,
    `| --- | ${configs.map(() => '---:').join(' | ')} |`,
    row('threads per request (one block)', (c) => String(c.threadsPerRequest)),
    row('requests measured', (c) => String(c.requests)),
    row('fleet requests/s on this machine', (c) => fixed(c.requestsPerSecond, 1)),
    row('Redis commands per request (all masters)', (c) => fixed(c.commandsPerRequest, 1)),
    row('Redis command time per request, µs (commandstats)', (c) => fixed(c.commandUsPerRequest, 0)),
    row('Redis CPU per request, ms (INFO cpu, net of idle)', (c) => fixed(c.cpuMsPerRequest, 2)),
    row('busiest master: share of commands', (c) => percent(c.busiestShare)),
    row('busiest master: CPU per request, ms', (c) => fixed(c.busiestCpuMsPerRequest, 2)),
    row('spread gain (1 / busiest share)', (c) => `${fixed(c.spreadGain, 2)}×`),
    row('requests/s before the busiest master fills one core', (c) =>
      c.busiestCpuMsPerRequest > 0 ? fixed(1000 / c.busiestCpuMsPerRequest, 0) : '—',
    ),
    ...roles.map((role) =>
      row(`${role}: CPU per request, ms`, (c) => {
        const group = c.processes.find((entry) => entry.role === role);
        return group === undefined ? '—' : fixed(group.cpuMsPerRequest, 2);
      }),
    ),
  ];
}

function spread(configs: readonly ConfigFigures[], masters: number): string[] {
  const header = Array.from({ length: masters }, (_, i) => `master ${i + 1}: commands / requests (lanes)`);
  return [
    `| configuration | ${header.join(' | ')} |`,
    `| --- | ${header.map(() => '---:').join(' | ')} |`,
    ...configs.map(
      (config) =>
        `| ${config.label} | ${config.masters
          .map(
            (m) =>
              `${percent(m.share)} / ${percent(m.requestShare)} (${m.lanes.length === 0 ? '—' : m.lanes.join(',')})`,
          )
          .join(' | ')} |`,
    ),
  ];
}
