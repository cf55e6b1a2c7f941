import type { AddressInfo } from 'node:net';
import { resolveOptions } from './config/resolve-options.js';
import type { EngineSimOptions } from './config/engine-sim-options.js';
import { ContinuationSource } from './content/continuation-source.js';
import type { CorpusEntry } from '@threadloom/contracts';
import { loadCorpus } from './corpus/load-corpus.js';
import { SimEngine } from './engine/sim-engine.js';
import { ApiKeyCheck } from './http/api-key.js';
import { FaultPicker } from './http/faults.js';
import { RequestCapture } from './http/request-capture.js';
import { createSimServer } from './http/sim-server.js';
import { PromptEncoder } from './text/prompt-encoder.js';
import { SimTokenizer } from './text/sim-tokenizer.js';
import { specialTokensFor } from './text/special-tokens.js';

/** A running simulator instance. */
export interface RunningEngineSim {
  /** Base URL, e.g. `http://127.0.0.1:40123` (the OpenAI base URL is `${url}/v1`). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, drops open connections and stops the clock. */
  close(): Promise<void>;
}

/** Starts one simulator instance (an HTTP server speaking vLLM's API). */
export async function startEngineSim(options: EngineSimOptions = {}): Promise<RunningEngineSim> {
  const resolved = resolveOptions(options);
  const corpus: readonly CorpusEntry[] = Array.isArray(options.corpus)
    ? options.corpus
    : await loadCorpus(options.corpus as string | undefined);
  const tokenizer = new SimTokenizer(specialTokensFor(resolved.dialect));
  const engine = new SimEngine({
    model: resolved.model,
    timing: resolved.timing,
    timeScale: resolved.timeScale,
    maxRunning: resolved.maxRunning,
    blockSize: resolved.blockSize,
    cacheCapacityBlocks: resolved.cacheCapacityBlocks,
    schedulingPolicy: resolved.schedulingPolicy,
  });
  const capture = resolved.captureRequests === undefined ? undefined : new RequestCapture(resolved.captureRequests);
  const server = createSimServer({
    options: resolved,
    tokenizer,
    prompts: new PromptEncoder(tokenizer),
    source: new ContinuationSource(corpus, resolved.dialect, resolved.seed, resolved.synthetic, tokenizer),
    engine,
    faults: new FaultPicker(resolved.faults, resolved.seed),
    apiKey: new ApiKeyCheck(resolved.apiKey === undefined ? [] : [resolved.apiKey]),
    capture,
    startedAt: Math.floor(Date.now() / 1000),
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: async () => {
      engine.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await capture?.close();
    },
  };
}
