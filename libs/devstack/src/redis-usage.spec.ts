import { describe, expect, it } from 'vitest';
import { parseRedisUsage, usageDelta, type RedisUsage } from './redis-usage.js';

// Shapes as redis-server 7.0 prints them (CRLF lines, section headers, subcommands with `|`).
const info = (set: number, evalsha: number, infoCalls: number, cpu: [string, string], memory: number): string =>
  [
    '# Commandstats',
    `cmdstat_info:calls=${infoCalls},usec=${infoCalls * 50},usec_per_call=50.00,rejected_calls=0,failed_calls=0`,
    `cmdstat_set:calls=${set},usec=${set * 2},usec_per_call=2.00,rejected_calls=0,failed_calls=0`,
    `cmdstat_evalsha:calls=${evalsha},usec=${evalsha * 30},usec_per_call=30.00,rejected_calls=1,failed_calls=0`,
    'cmdstat_cluster|nodes:calls=4,usec=40,usec_per_call=10.00,rejected_calls=0,failed_calls=0',
    '',
    '# CPU',
    `used_cpu_sys:${cpu[0]}`,
    `used_cpu_user:${cpu[1]}`,
    'used_cpu_sys_children:0.000000',
    '',
    '# Memory',
    `used_memory:${memory}`,
    'used_memory_human:917.41K',
    '',
  ].join('\r\n');

function parsed(text: string): RedisUsage {
  const result = parseRedisUsage(text);
  if (!result.ok) throw new Error(result.issues.join('; '));
  return result.value;
}

describe('parseRedisUsage', () => {
  it('reads every command with its calls and usec, process CPU (user + sys) and used_memory', () => {
    expect(parsed(info(3, 2, 1, ['0.250000', '1.500000'], 939_424))).toEqual({
      commands: {
        info: { calls: 1, usec: 50 },
        set: { calls: 3, usec: 6 },
        evalsha: { calls: 2, usec: 60 },
        'cluster|nodes': { calls: 4, usec: 40 },
      },
      cpuSeconds: 1.75,
      usedMemory: 939_424,
    });
  });

  it('names each missing counter instead of guessing', () => {
    expect(parseRedisUsage('# Commandstats\r\ncmdstat_set:calls=1,usec=2\r\n')).toEqual({
      ok: false,
      issues: ['missing or invalid used_cpu_user', 'missing or invalid used_cpu_sys', 'missing or invalid used_memory'],
    });
    expect(parseRedisUsage('used_cpu_user:x\nused_cpu_sys:0\nused_memory:1').ok).toBe(false);
  });
});

describe('usageDelta', () => {
  it('counts what ran in between, leaving out the reader’s own INFO calls and unchanged commands', () => {
    const before = parsed(info(3, 2, 1, ['0.250000', '1.500000'], 1_000_000));
    const after = parsed(info(13, 7, 2, ['0.300000', '1.700000'], 1_004_096));
    const delta = usageDelta(before, after);
    expect(delta.commands).toEqual({ set: { calls: 10, usec: 20 }, evalsha: { calls: 5, usec: 150 } });
    expect(delta.calls).toBe(15);
    expect(delta.usec).toBe(170);
    expect(delta.cpuSeconds).toBeCloseTo(0.25, 9);
    expect(delta.memoryBytes).toBe(4_096);
  });

  it('counts a command first seen after the first reading in full, and reports freed memory as negative', () => {
    const before: RedisUsage = { commands: {}, cpuSeconds: 1, usedMemory: 5_000 };
    const after: RedisUsage = { commands: { get: { calls: 4, usec: 8 } }, cpuSeconds: 1, usedMemory: 3_000 };
    expect(usageDelta(before, after)).toEqual({
      commands: { get: { calls: 4, usec: 8 } },
      calls: 4,
      usec: 8,
      cpuSeconds: 0,
      memoryBytes: -2_000,
    });
  });
});
