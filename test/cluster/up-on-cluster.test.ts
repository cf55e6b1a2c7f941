// `threadloom up` on an existing Redis Cluster: --redis-url, --redis-cluster-nodes and --lanes reach the
// workers and the API it starts, and a request in each lane completes with the Figure 6 result.
// `threadloom run --distributed` takes the same options: its workers and its client run on the cluster.
import { setTimeout as sleep } from 'node:timers/promises';
import { laneOfKey, laneOfRequest } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, waitForOutput } from '../cli/cli-process.js';
import { FIGURE6 } from '../support/figure6.js';
import { useRedisCluster } from '../support/redis-cluster.js';

const LANES = 3;
const KEY = 'up-cluster-key';
const TENANT = 'default'; // the tenant of the admin key `up` configures

describe('threadloom up on a Redis Cluster', () => {
  const cluster = useRedisCluster({ masters: 3, replicas: 0 });

  it('runs workers and API on the cluster with the lanes asked for', async () => {
    const args = ['up', '--machines', '1', '--time-scale', '0', '--port', '0', '--api-key', KEY];
    args.push(
      '--redis-url',
      cluster().url,
      '--redis-cluster-nodes',
      cluster().nodes.join(','),
      '--lanes',
      String(LANES),
    );
    const cli = spawnCli(args);
    const exited = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
    try {
      const banner = await waitForOutput(cli, /stack ready/);
      const apiUrl = /^api +(http:\/\/\S+)$/m.exec(banner)![1]!;
      const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
      const keys = new Map<number, string>();
      for (let n = 0; keys.size < LANES; n += 1) {
        const lane = laneOfKey(`${TENANT}\nup-fig6-${n}`, LANES);
        if (!keys.has(lane)) keys.set(lane, `up-fig6-${n}`);
      }
      const body = JSON.stringify({ messages: [{ role: 'user', content: FIGURE6.problem }] });
      for (const [lane, key] of keys) {
        const submitted = await fetch(`${apiUrl}/v1/reasoning`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': key },
          body,
        });
        expect(submitted.status).toBe(202);
        const { id } = (await submitted.json()) as { id: string };
        expect(laneOfRequest(id)).toBe(lane);
        let view = { status: 'queued' } as { status: string; result?: { text: string } };
        for (const deadline = Date.now() + 30_000; view.status !== 'completed' && Date.now() < deadline;) {
          await sleep(100);
          view = (await (await fetch(`${apiUrl}/v1/reasoning/${id}`, { headers })).json()) as typeof view;
        }
        expect(view.status).toBe('completed');
        expect(view.result?.text).toBe(FIGURE6.assistant);
      }
    } finally {
      cli.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 90_000);

  it('run --distributed runs its workers and client on the cluster', async () => {
    const seeds = cluster().nodes.join(',');
    const args = ['run', '--problem', FIGURE6.problem, '--json', '--distributed', '--lanes', String(LANES)];
    const result = await runCli([...args, '--redis-url', cluster().url, '--redis-cluster-nodes', seeds]);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { text: string }).text).toBe(FIGURE6.assistant);
    const keys = await Promise.all(
      (await cluster().masters()).map((node) => cluster().cli(node, '--scan', '--pattern', '{threadloom-*:req:*')),
    );
    expect(keys.join('').trim()).not.toBe('');
  }, 90_000);

  it('run refuses Redis options without --distributed', async () => {
    const result = await runCli(['run', '--problem', FIGURE6.problem, '--lanes', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--lanes needs --distributed');
  });

  it('refuses cluster seeds without the URL that carries their credentials', async () => {
    const cli = spawnCli(['up', '--redis-cluster-nodes', cluster().nodes.join(','), '--machines', '1']);
    let stderr = '';
    cli.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((done) => cli.once('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('--redis-cluster-nodes needs --redis-url');
  });
});
