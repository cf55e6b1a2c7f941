import { afterEach, describe, expect, it } from 'vitest';
import { startOtlpEndpoint, type OtlpEndpoint, type OtlpExportBody } from './otlp-endpoint.js';

describe('startOtlpEndpoint', () => {
  let endpoint: OtlpEndpoint | undefined;
  afterEach(async () => {
    await endpoint?.close();
  });

  it('hands each trace export over whole and answers in its encoding, as a collector does', async () => {
    const received: OtlpExportBody[] = [];
    endpoint = await startOtlpEndpoint((body) => received.push(body));
    const post = (contentType: string, body: string) =>
      fetch(`${endpoint!.url}/v1/traces`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const json = await post('application/json', '{"resourceSpans":[]}');
    expect([json.status, json.headers.get('content-type'), await json.text()]).toEqual([200, 'application/json', '{}']);
    const protobuf = await post('application/x-protobuf', 'abc');
    expect([protobuf.status, protobuf.headers.get('content-type'), await protobuf.text()]).toEqual([
      200,
      'application/x-protobuf',
      '',
    ]);
    expect(received.map(({ body, json }) => [body.toString('utf8'), json])).toEqual([
      ['{"resourceSpans":[]}', true],
      ['abc', false],
    ]);
  });

  it('answers 404 to any other route and hands nothing over', async () => {
    const received: OtlpExportBody[] = [];
    endpoint = await startOtlpEndpoint((body) => received.push(body));
    const metrics = await fetch(`${endpoint.url}/v1/metrics`, { method: 'POST', body: 'x' });
    expect(metrics.status).toBe(404);
    expect((await fetch(`${endpoint.url}/v1/traces`)).status).toBe(404);
    expect(received).toEqual([]);
  });
});
