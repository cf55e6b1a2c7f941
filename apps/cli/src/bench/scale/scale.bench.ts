import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { startRedisCluster } from '@threadloom/devstack';
import type { BenchOptions, BenchOutput, BenchSuite } from '../bench-suite.js';
import { writeScaleCorpus } from './scale-corpus.js';
import { runConfig, type ScaleConfig, type ScaleSizes } from './scale-config-run.js';
import { configFigures, topCommands, type ConfigFigures } from './scale-figures.js';
import { recordScaleFigures } from './scale-record.js';
import { renderScaleReport } from './scale-report.js';
import type { ConfigSample } from './scale-sample.js';

const MASTERS = 3;
/** Sized for a loaded 2-core machine (whole run well under 8 minutes); a bigger machine can raise `requests`. */
const FULL: ScaleSizes = {
  machines: 3,
  concurrency: 16,
  warmUp: 20,
  idleSeconds: 3,
  requests: 160,
  wave: 20,
  memoryRequests: 40,
};
const QUICK: ScaleSizes = {
  machines: 3,
  concurrency: 16,
  warmUp: 8,
  idleSeconds: 2,
  requests: 40,
  wave: 20,
  memoryRequests: 20,
};

/** Hashed placements first (what a user gets), then lanes placed on masters (slots moved while empty). */
const CONFIGS: readonly ScaleConfig[] = [
  { label: '1 lane', lanes: 1, threads: 4, placeOnMasters: false, memory: true },
  { label: '1 lane, 2 threads', lanes: 1, threads: 2, requests: 80, placeOnMasters: false, memory: false },
  { label: '1 lane, 8 threads', lanes: 1, threads: 8, requests: 80, placeOnMasters: false, memory: false },
  { label: '3 lanes, hashed', lanes: 3, threads: 4, placeOnMasters: false, memory: false },
  { label: '6 lanes, hashed', lanes: 6, threads: 4, placeOnMasters: false, memory: false },
  { label: '3 lanes, 1 per master', lanes: 3, threads: 4, placeOnMasters: true, memory: false },
  { label: '6 lanes, 2 per master', lanes: 6, threads: 4, placeOnMasters: true, memory: false },
];

/**
 * `threadloom bench scale` (issue 17): on a local Redis Cluster of 3 masters (+1 replica each), the simulator
 * fleet with 1 lane and with 3 and 6 lanes, side by side: Redis commands, command time and CPU per request on
 * each master, how lanes spread over the masters, CPU per request of the fleet's processes, Redis memory per request.
 */
export const SCALE_BENCH: BenchSuite = {
  name: 'scale',
  description: 'Redis Cluster: per-master Redis CPU and commands per request, lane spread, memory per request',
  async run(output: BenchOutput, options?: BenchOptions): Promise<void> {
    const quick = options?.quick === true;
    const sizes = quick ? QUICK : FULL;
    const started = performance.now();
    const corpus = writeScaleCorpus([...new Set(CONFIGS.map((config) => config.threads))]);
    const cluster = await startRedisCluster({ masters: MASTERS, replicas: 1 });
    const samples: ConfigSample[] = [];
    try {
      for (const config of CONFIGS) {
        output.line(`  ${config.label}: ${config.requests ?? sizes.requests} requests in waves of ${sizes.wave} …`);
        samples.push(await runConfig(cluster, config, sizes, corpus.path));
      }
    } finally {
      await cluster.stop();
      corpus.remove();
    }
    const figures = samples.map(configFigures);
    const lines = [
      ...renderScaleReport(runContext(quick, (performance.now() - started) / 1000), figures),
      '',
      ...commandMix(samples[0]),
    ];
    for (const line of lines) output.line(line);
    if (options?.record !== undefined) {
      recordScaleFigures(options.record, lines);
      output.line(`figures recorded in ${options.record}`);
    }
    warnIfUneven(output, figures);
  },
};

function runContext(quick: boolean, seconds: number) {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a checkout: the commit stays unknown
  }
  return {
    measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit,
    masters: MASTERS,
    loadAverage: loadavg()
      .map((value) => value.toFixed(1))
      .join(' / '),
    seconds,
    quick,
  };
}

/** The 1-lane configuration's most frequent commands, per request. */
function commandMix(sample: ConfigSample | undefined): string[] {
  if (sample === undefined) return [];
  const top = topCommands(sample, 10);
  return [
    `| most frequent commands, ${sample.label} | calls per request |`,
    '| --- | ---: |',
    ...top.map((entry) => `| \`${entry.command}\` | ${entry.perRequest.toFixed(1)} |`),
  ];
}

function warnIfUneven(output: BenchOutput, figures: readonly ConfigFigures[]): void {
  for (const config of figures)
    if (config.lanes >= MASTERS && config.spreadGain < MASTERS * 0.6)
      output.line(
        `  note: ${config.label} spreads ${config.spreadGain.toFixed(2)}× of ${MASTERS}× (see docs/scaling.md, placing lanes)`,
      );
}
