import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK_FAULTS, parseNetworkFaultSettings } from './network-fault-settings.js';

describe('network fault settings', () => {
  it('defaults to 5% loss and 20 ms each way', () => {
    expect(parseNetworkFaultSettings({})).toEqual({ ok: true, value: DEFAULT_NETWORK_FAULTS });
    expect(DEFAULT_NETWORK_FAULTS).toEqual({ lossProbability: 0.05, delayMs: 20 });
  });

  it('reads both from the environment', () => {
    expect(parseNetworkFaultSettings({ THREADLOOM_NET_LOSS: '0.1', THREADLOOM_NET_DELAY_MS: '50' })).toEqual({
      ok: true,
      value: { lossProbability: 0.1, delayMs: 50 },
    });
  });

  it('names each value out of range', () => {
    expect(parseNetworkFaultSettings({ THREADLOOM_NET_LOSS: '0', THREADLOOM_NET_DELAY_MS: '2.5' })).toEqual({
      ok: false,
      issues: [
        'THREADLOOM_NET_LOSS: a fraction above 0, at most 0.5',
        'THREADLOOM_NET_DELAY_MS: an integer from 1 to 1000',
      ],
    });
    expect(parseNetworkFaultSettings({ THREADLOOM_NET_LOSS: 'lots', THREADLOOM_NET_DELAY_MS: '1001' })).toMatchObject({
      ok: false,
      issues: { length: 2 },
    });
  });
});
