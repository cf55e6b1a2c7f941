// `threadloom up --otlp-endpoint URL` wires the whole local stack: the API, every worker and every simulator
// export their spans to URL, and one request is one trace across them (the span tree itself: test/api/tracing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { FIGURE6 } from '../support/figure6.js';
import { spawnCli, waitForOutput } from './cli-process.js';

const KEY = 'up-tracing-key';
/** Figure 6: three sequential steps and two blocks of two threads, each an engine call. */
const ENGINE_CALLS = 7;

/** The spans of the trace that holds request `id`, once its engine calls' server spans have all arrived. */
function traceOf(spans: readonly ReceivedSpan[], id: string): ReceivedSpan[] {
  const traceId = spans.find((span) => span.attributes['threadloom.request_id'] === id)?.traceId;
  return traceId === undefined ? [] : spans.filter((span) => span.traceId === traceId);
}

describe('threadloom up --otlp-endpoint', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('has the API, every worker and every simulator export one trace per request to the endpoint', async () => {
    const cli = spawnCli(
      ['up', '--machines', '2', '--time-scale', '0', '--port', '0', '--api-key', KEY, '--otlp-endpoint', receiver.url],
      // The harness receiver reads the JSON protocol; a short batch delay keeps the test quick.
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '50' },
    );
    const exited = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
    // What `up` printed on stderr, so an exit other than 0 says why (a lost child, a failed stop).
    let stderr = '';
    cli.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    try {
      const banner = await waitForOutput(cli, /stack ready/);
      const apiUrl = /^api +(http:\/\/\S+)$/m.exec(banner)![1]!;
      const submitted = await fetch(`${apiUrl}/v1/reasoning`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: FIGURE6.prompt }),
      });
      expect(submitted.status).toBe(202);
      const { id } = (await submitted.json()) as { id: string };
      const spans = traceOf(
        await receiver.waitFor((received) => {
          const trace = traceOf(received, id);
          return (
            trace.some((span) => span.name === 'invoke_workflow threadloom') &&
            trace.filter((span) => span.name === 'llm_request').length === ENGINE_CALLS
          );
        }, 60_000),
        id,
      );
      expect(new Set(spans.map((span) => span.service))).toEqual(
        new Set(['threadloom-api', 'threadloom-worker', 'threadloom-engine-sim']),
      );
      const machines = new Set(spans.map((span) => span.attributes['threadloom.machine']).filter(Boolean));
      expect([...machines].every((machine) => /^(machine-[12]|join-1)$/.test(String(machine)))).toBe(true);
      expect(machines.has('join-1')).toBe(true);
      const roots = spans.filter((span) => span.parentSpanId === '');
      expect(roots.map((span) => [span.name, span.service])).toEqual([['POST /v1/reasoning', 'threadloom-api']]);
    } finally {
      cli.kill('SIGTERM');
      expect(await exited, `threadloom up's stderr:\n${stderr}`).toBe(0);
    }
  });
});
