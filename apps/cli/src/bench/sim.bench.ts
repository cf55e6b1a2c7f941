import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { spawnNodeProcess, type SupervisedProcess } from '@threadloom/devstack';
import { loadQwen3Tokenizer, renderUserPrompt } from '@threadloom/threading';
import { readCorpusProblems } from '../stack/corpus-sample.js';
import { resolveEntryPoints } from '../stack/entry-points.js';
import type { BenchOutput, BenchSuite } from './bench-suite.js';

const THROUGHPUT = { concurrency: 32, requests: 20_000 } as const;
const TIMED_SCALE = 0.01;
const TIMED_ROUNDS = 5;
/** USER_HZ: /proc reports CPU time in these ticks on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;
const TIMED_SCENARIOS = [
  { name: 'solo, 500 tokens', requests: 1, maxTokens: 500, maxRunning: 256 },
  { name: '8 concurrent, 400 tokens', requests: 8, maxTokens: 400, maxRunning: 256 },
  { name: '16 over max-running 4, 200 tokens', requests: 16, maxTokens: 200, maxRunning: 4 },
] as const;

const E2E_SUM = 'vllm:e2e_request_latency_seconds_sum';
const E2E_COUNT = 'vllm:e2e_request_latency_seconds_count';

async function startSim(args: readonly string[]): Promise<{ proc: SupervisedProcess; url: string }> {
  const proc = await spawnNodeProcess(resolveEntryPoints().engineSim, {
    args: ['--port', '0', ...args],
    ready: /^http:\/\//,
  });
  return { proc, url: proc.readyLine.trim() };
}

/** User + system CPU seconds of a process (Linux /proc; NaN elsewhere), robust to other jobs on the machine. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

async function complete(url: string, body: object): Promise<void> {
  const res = await fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`engine-sim answered ${res.status}`);
}

/** Completions per second at time scale 0 (thread requests of the shipped corpus, `concurrency` in flight). */
async function throughput(output: BenchOutput): Promise<void> {
  const { proc, url } = await startSim(['--time-scale', '0']);
  try {
    const prompts = readCorpusProblems().map((p) => `${renderUserPrompt(p.problem)}<think>\n`);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < THROUGHPUT.requests) {
        const prompt = prompts[next++ % prompts.length]!;
        await complete(url, {
          prompt,
          max_tokens: 400,
          stop: ['</Outlines>'],
          include_stop_str_in_output: true,
          skip_special_tokens: false,
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, lane));
    next = 0;
    const cpuBefore = cpuSeconds(proc.child.pid);
    const started = performance.now();
    await Promise.all(Array.from({ length: THROUGHPUT.concurrency }, lane));
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(proc.child.pid) - cpuBefore;
    const perCpu =
      Number.isFinite(cpu) && cpu > 0 ? `, ${(THROUGHPUT.requests / cpu).toFixed(0)} per simulator CPU-second` : '';
    output.line(
      `  time scale 0: ${(THROUGHPUT.requests / seconds).toFixed(0).padStart(6)} completions/s wall${perCpu}  (${THROUGHPUT.requests} sequential-step requests, ${THROUGHPUT.concurrency} in flight; target ≥ 2000/s)`,
    );
  } finally {
    await proc.stop();
  }
}

async function metrics(url: string, names: readonly string[]): Promise<number[]> {
  const lines = (await (await fetch(`${url}/metrics`)).text()).split('\n');
  return names.map((name) =>
    Number(
      lines
        .find((l) => l.startsWith(`${name}{`))
        ?.split(' ')
        .at(-1),
    ),
  );
}

/** One round of a scenario: mean wall e2e / time scale and the model's mean e2e (from /metrics), in seconds. */
async function timedRound(
  url: string,
  prompts: readonly string[],
  maxTokens: number,
): Promise<{ measured: number; model: number }> {
  const before = await metrics(url, [E2E_SUM, E2E_COUNT]);
  const walls = await Promise.all(
    prompts.map(async (prompt) => {
      const started = performance.now();
      await complete(url, { prompt, max_tokens: maxTokens });
      return performance.now() - started;
    }),
  );
  const after = await metrics(url, [E2E_SUM, E2E_COUNT]);
  const measured = walls.reduce((a, b) => a + b, 0) / walls.length / 1000 / TIMED_SCALE;
  return { measured, model: (after[0]! - before[0]!) / (after[1]! - before[1]!) };
}

/** Mean end-to-end wall time / time scale against the model's own e2e latency; median of several rounds. */
async function timingError(output: BenchOutput): Promise<void> {
  for (const scenario of TIMED_SCENARIOS) {
    const { proc, url } = await startSim([
      '--time-scale',
      String(TIMED_SCALE),
      '--max-running',
      String(scenario.maxRunning),
    ]);
    try {
      const prompts = Array.from({ length: scenario.requests }, (_, i) =>
        renderUserPrompt(`timing scenario ${scenario.name} #${i}`),
      );
      // Warm-up round: JIT and the per-problem synthetic trajectories, so only serving is timed.
      await timedRound(url, prompts, scenario.maxTokens);
      const rounds: { measured: number; model: number; error: number }[] = [];
      for (let r = 0; r < TIMED_ROUNDS; r++) {
        const round = await timedRound(url, prompts, scenario.maxTokens);
        rounds.push({ ...round, error: (Math.abs(round.measured - round.model) / round.model) * 100 });
      }
      rounds.sort((a, b) => a.error - b.error);
      const median = rounds[Math.floor(rounds.length / 2)]!;
      output.line(
        `  time scale ${TIMED_SCALE}, ${scenario.name.padEnd(34)} model e2e ${median.model.toFixed(2)} s, measured ${median.measured.toFixed(2)} s  error ${median.error.toFixed(2)}% (median of ${TIMED_ROUNDS}; worst ${rounds.at(-1)!.error.toFixed(2)}%; target ≤ 5%)`,
      );
    } finally {
      await proc.stop();
    }
  }
}

/** The simulator's approximate token counts (its /tokenize) against the real Qwen3 tokenizer on the corpus. */
async function tokenizerError(output: BenchOutput): Promise<void> {
  const { proc, url } = await startSim(['--time-scale', '0']);
  try {
    const qwen3 = await loadQwen3Tokenizer();
    const texts = readCorpusProblems().map((entry) => entry.trajectory);
    let simTotal = 0,
      qwenTotal = 0,
      absError = 0;
    for (const text of texts) {
      const res = await fetch(`${url}/tokenize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: text }),
      });
      const sim = ((await res.json()) as { count: number }).count;
      const real = qwen3.countTokens(text);
      simTotal += sim;
      qwenTotal += real;
      absError += Math.abs(sim - real) / real;
    }
    output.line(
      `  token counts vs Qwen3 on ${texts.length} corpus trajectories: sim ${simTotal}, qwen3 ${qwenTotal} (total ${(((simTotal - qwenTotal) / qwenTotal) * 100).toFixed(1)}%, mean |error| per trajectory ${((absError / texts.length) * 100).toFixed(1)}%)`,
    );
  } finally {
    await proc.stop();
  }
}

async function runSimBench(output: BenchOutput): Promise<void> {
  output.line(`sim: engine-sim process, plain HTTP client (node ${process.version}, ${availableParallelism()} cores)`);
  await throughput(output);
  await timingError(output);
  await tokenizerError(output);
}

/** `threadloom bench sim`: engine-sim completions/s at time scale 0, timing error at 0.01, token-count error. */
export const SIM_BENCH: BenchSuite = {
  name: 'sim',
  description:
    'engine-sim completions per second at time scale 0, timing error against its model at time scale 0.01, token counts vs Qwen3',
  run: runSimBench,
};
