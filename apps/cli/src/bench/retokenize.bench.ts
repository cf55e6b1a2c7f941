import { spawnNodeProcess } from '@threadloom/devstack';
import { EngineClient, threadingEngine } from '@threadloom/engine-client';
import {
  loadQwen3Encoder,
  renderUserPrompt,
  runOrchestration,
  THREADWEAVER_DIALECT,
  type CompletionRequest,
  type Engine,
  type TokenEncoder,
} from '@threadloom/threading';
import { readCorpusProblems } from '../stack/corpus-sample.js';
import { resolveEntryPoints } from '../stack/entry-points.js';
import type { BenchOutput, BenchSuite } from './bench-suite.js';

/** One engine call of an orchestrated corpus answer. */
interface Call {
  readonly prompt: string;
  readonly completion: string;
}

/** Tallies of token boundaries where text mode's re-tokenization differs from token-exact ids. */
interface Drift {
  calls: number;
  completionDrift: number;
  headerDrift: number;
  /** Control: the same calls cut at their middle character, as a `length` stop mid-text would leave them. */
  midCutDrift: number;
  tokensChanged: number;
  trajectoriesAffected: number;
}

/** Token ids of `a + b` re-tokenized, against the ids of `a` and `b` kept apart (what token-exact mode sends). */
function boundaryDrift(encoder: TokenEncoder, a: string, b: string): number {
  if (a === '' || b === '') return 0;
  const joined = encoder.encode(a + b);
  const kept = [...encoder.encode(a), ...encoder.encode(b)];
  let same = 0;
  while (same < joined.length && same < kept.length && joined[same] === kept[same]) same++;
  return same === joined.length && same === kept.length ? 0 : Math.max(joined.length, kept.length) - same;
}

/** Every engine call of one corpus answer orchestrated against the simulator. */
async function orchestratedCalls(engine: Engine, problem: string): Promise<Call[]> {
  const calls: Call[] = [];
  const recording: Engine = {
    async complete(request: CompletionRequest) {
      const result = await engine.complete(request);
      calls.push({ prompt: request.prompt, completion: result.text });
      return result;
    },
  };
  await runOrchestration(renderUserPrompt(problem), recording, { maxTotalTokens: 40_000 });
  return calls;
}

/** Adds one answer's calls: the prompt|completion boundary, and the context|thread-header boundary of thread calls. */
function tally(drift: Drift, encoder: TokenEncoder, calls: readonly Call[]): void {
  const header = /\n<Thread>\n[0-9.]+:$/;
  let affected = false;
  for (const { prompt, completion } of calls) {
    drift.calls += 1;
    const changed = boundaryDrift(encoder, prompt, completion);
    const headerAt = prompt.search(header);
    const headerChanged = headerAt < 0 ? 0 : boundaryDrift(encoder, prompt.slice(0, headerAt), prompt.slice(headerAt));
    const middle = Math.floor(completion.length / 2);
    if (boundaryDrift(encoder, prompt + completion.slice(0, middle), completion.slice(middle)) > 0)
      drift.midCutDrift += 1;
    if (changed > 0) drift.completionDrift += 1;
    if (headerChanged > 0) drift.headerDrift += 1;
    drift.tokensChanged += changed + headerChanged;
    affected ||= changed + headerChanged > 0;
  }
  if (affected) drift.trajectoriesAffected += 1;
}

async function runRetokenizeBench(output: BenchOutput): Promise<void> {
  const sim = await spawnNodeProcess(resolveEntryPoints().engineSim, {
    args: ['--port', '0', '--time-scale', '0'],
    ready: /^http:\/\//,
  });
  try {
    const engine = threadingEngine(new EngineClient({ url: sim.readyLine.trim() }));
    const encoder = await loadQwen3Encoder(THREADWEAVER_DIALECT);
    const problems = readCorpusProblems();
    const drift: Drift = {
      calls: 0,
      completionDrift: 0,
      headerDrift: 0,
      midCutDrift: 0,
      tokensChanged: 0,
      trajectoriesAffected: 0,
    };
    for (const { problem } of problems) tally(drift, encoder, await orchestratedCalls(engine, problem));
    const pct = (n: number): string => ((n / drift.calls) * 100).toFixed(1);
    output.line(`retokenize: Qwen3 tokenizer on ${problems.length} corpus answers, ${drift.calls} engine calls`);
    output.line(
      `  prompt|completion boundary re-tokenized differently: ${drift.completionDrift} calls (${pct(drift.completionDrift)}%)`,
    );
    output.line(
      `  context|thread-header boundary re-tokenized differently: ${drift.headerDrift} calls (${pct(drift.headerDrift)}%)`,
    );
    output.line(
      `  control, the same calls cut mid-text (as a length stop would): ${drift.midCutDrift} calls (${pct(drift.midCutDrift)}%)`,
    );
    output.line(
      `  tokens that differ from token-exact ids: ${drift.tokensChanged}; answers with at least one: ${drift.trajectoriesAffected} of ${problems.length}`,
    );
  } finally {
    await sim.stop();
  }
}

/** `threadloom bench retokenize`: how often text mode's re-tokenization differs from the ids token-exact mode keeps. */
export const RETOKENIZE_BENCH: BenchSuite = {
  name: 'retokenize',
  description: "how often re-tokenizing text prompts (text mode) differs from the engine's own token ids (Qwen3)",
  run: runRetokenizeBench,
};
