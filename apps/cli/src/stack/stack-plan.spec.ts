import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planStack } from './stack-plan.js';

const ENTRIES = {
  engineSim: '/apps/engine-sim/dist/main.js',
  worker: '/apps/worker/dist/main.js',
  api: '/apps/api/dist/main.js',
};
const ADDRESSES = { redisUrl: 'redis://127.0.0.1:7000', simPorts: [9001, 9002], apiPort: 8080 };

describe('planStack', () => {
  it('pairs every simulated machine with its own engine and a reason+thread worker, plus one join worker', () => {
    const plan = planStack({ machines: 2, timeScale: 0.5 }, ADDRESSES, ENTRIES);
    const simArgs = (port: number) => [
      ...[ENTRIES.engineSim, '--port', String(port), '--host', '127.0.0.1'],
      ...['--time-scale', '0.5', '--model', 'threadweaver'],
    ];
    expect(plan.engines.map((spec) => spec.args)).toEqual([simArgs(9001), simArgs(9002)]);
    expect(
      plan.workers.map((spec) => [spec.env['MACHINE_ID'], spec.env['WORKER_ROLES'], spec.env['ENGINE_URL']]),
    ).toEqual([
      ['machine-1', 'reason,thread', 'http://127.0.0.1:9001'],
      ['machine-2', 'reason,thread', 'http://127.0.0.1:9002'],
      ['join-1', 'join', undefined],
    ]);
    expect(plan.workers.every((spec) => spec.env['REDIS_URL'] === ADDRESSES.redisUrl)).toBe(true);
  });

  it("passes the simulators' synthetic statistics and scheduling policy through as their flags", () => {
    const plan = planStack(
      {
        machines: 1,
        timeScale: 0.1,
        maxRunning: 8,
        synthetic: 'blocks=4,thread-tokens=300',
        schedulingPolicy: 'priority',
      },
      ADDRESSES,
      ENTRIES,
    );
    expect(plan.engines[0]?.args.slice(-6)).toEqual([
      '--max-running',
      '8',
      '--synthetic',
      'blocks=4,thread-tokens=300',
      '--scheduling-policy',
      'priority',
    ]);
  });

  it("starts each machine's simulator and worker inside its network namespace, the join worker and API on the host", () => {
    const plan = planStack({ machines: 2, timeScale: 0, machineNamespaces: ['ns-a', 'ns-b'] }, ADDRESSES, ENTRIES);
    const launch = (spec: { command: string; args: readonly string[] }) => [spec.command, ...spec.args.slice(0, 4)];
    expect(plan.engines.map(launch)).toEqual([
      ['ip', 'netns', 'exec', 'ns-a', process.execPath],
      ['ip', 'netns', 'exec', 'ns-b', process.execPath],
    ]);
    expect(plan.workers.map((spec) => spec.command)).toEqual(['ip', 'ip', process.execPath]);
    expect(plan.workers[1]?.args.slice(0, 5)).toEqual(['netns', 'exec', 'ns-b', process.execPath, ENTRIES.worker]);
    expect(plan.api?.command).toBe(process.execPath);
  });

  it('replaces the simulators with a real engine URL', () => {
    const plan = planStack(
      { machines: 2, timeScale: 1, engineUrl: 'http://gpu:8000', model: 'Qwen3-8B' },
      { ...ADDRESSES, simPorts: [] },
      ENTRIES,
    );
    expect(plan.engines).toEqual([]);
    expect(plan.machines).toEqual([
      { id: 'machine-1', engineUrl: 'http://gpu:8000' },
      { id: 'machine-2', engineUrl: 'http://gpu:8000' },
    ]);
    expect(plan.workers[0]!.env['MODEL_NAME']).toBe('Qwen3-8B');
  });

  it("gives the real engine's key to the engine workers only, and none to simulated machines", () => {
    const real = planStack(
      { machines: 2, timeScale: 1, engineUrl: 'http://gpu:8000', engineApiKey: 'k-1' },
      { ...ADDRESSES, simPorts: [] },
      ENTRIES,
    );
    expect(real.workers.map((spec) => spec.env['ENGINE_API_KEY'])).toEqual(['k-1', 'k-1', undefined]);
    const simulated = planStack({ machines: 1, timeScale: 0, engineApiKey: 'k-1' }, ADDRESSES, ENTRIES);
    expect(simulated.workers.every((spec) => spec.env['ENGINE_API_KEY'] === undefined)).toBe(true);
  });

  it('configures the API key hashed, as an admin key', () => {
    const plan = planStack({ machines: 1, timeScale: 0, apiKey: 'secret' }, ADDRESSES, ENTRIES);
    const keys = JSON.parse(plan.api!.env['API_KEYS']!) as { sha256: string; scopes: string[] }[];
    expect(keys).toEqual([
      expect.objectContaining({
        sha256: createHash('sha256').update('secret').digest('hex'),
        scopes: ['submit', 'read', 'admin'],
      }),
    ]);
    expect(JSON.stringify(plan.api!.env)).not.toContain('"secret"');
    expect(plan.api!.env['PORT']).toBe('8080');
  });

  it('starts no API without a port, and passes the key prefix to workers and API alike', () => {
    expect(planStack({ machines: 1, timeScale: 0 }, { ...ADDRESSES, apiPort: undefined }, ENTRIES).api).toBeUndefined();
    const plan = planStack({ machines: 1, timeScale: 0, keyPrefix: '{lane-2}' }, ADDRESSES, ENTRIES);
    expect([...plan.workers, plan.api!].map((spec) => spec.env['KEY_PREFIX'])).toEqual([
      '{lane-2}',
      '{lane-2}',
      '{lane-2}',
    ]);
  });

  it('gives workers and API the same cluster seeds and lanes, and sets neither unless asked', () => {
    const layout = (spec: { env: Record<string, string> }) => [spec.env['REDIS_CLUSTER_NODES'], spec.env['LANES']];
    const plain = planStack({ machines: 1, timeScale: 0 }, ADDRESSES, ENTRIES);
    for (const spec of [...plain.workers, plain.api!]) expect(layout(spec)).toEqual([undefined, undefined]);
    const seeds = ['10.0.0.1:7000', '10.0.0.2:7000'];
    const plan = planStack({ machines: 1, timeScale: 0, redisClusterNodes: seeds, lanes: 3 }, ADDRESSES, ENTRIES);
    for (const spec of [...plan.workers, plan.api!]) expect(layout(spec)).toEqual(['10.0.0.1:7000,10.0.0.2:7000', '3']);
  });
});
