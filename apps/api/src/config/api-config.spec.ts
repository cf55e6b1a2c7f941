import { describe, expect, it } from 'vitest';
import { parseApiConfig } from './api-config.js';

const KEY = { sha256: 'a'.repeat(64), tenant: 'acme', scopes: ['submit', 'read'] };

describe('parseApiConfig', () => {
  it('applies defaults around the required variables', () => {
    const parsed = parseApiConfig({ REDIS_URL: 'redis://localhost:6379', API_KEYS: JSON.stringify([KEY]) });
    expect(parsed.ok && parsed.value).toMatchObject({
      port: 8080,
      keyPrefix: '{threadloom}',
      authDisabled: false,
      models: ['threadweaver'],
      backpressure: { maxBacklog: 10_000 },
    });
  });

  it('names each offending variable', () => {
    const parsed = parseApiConfig({
      PORT: 'eighty',
      API_KEYS: '[{"sha256":"nope","tenant":"t","scopes":["root"]}]',
      LOG_LEVEL: 'loud',
    });
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    for (const prefix of [
      'PORT:',
      'REDIS_URL:',
      'API_KEYS (at 0.sha256):',
      'API_KEYS (at 0.scopes.0):',
      'LOG_LEVEL:',
    ]) {
      expect(
        issues.some((issue) => issue.startsWith(prefix)),
        `${prefix} in ${issues.join(' | ')}`,
      ).toBe(true);
    }
  });

  it('requires keys unless development mode is explicit, and treats empty variables as unset', () => {
    const without = parseApiConfig({ REDIS_URL: 'redis://localhost:6379', API_KEYS: '' });
    expect(without.ok ? [] : without.issues).toEqual([
      'API_KEYS: at least one key is required (or set API_AUTH_DISABLED=true for development)',
    ]);
    expect(parseApiConfig({ REDIS_URL: 'redis://localhost:6379', API_AUTH_DISABLED: 'true' }).ok).toBe(true);
    expect(parseApiConfig({ REDIS_URL: 'redis://localhost:6379', API_KEYS: 'not json' }).ok).toBe(false);
  });

  it('takes CORS origins only as exact origins, off by default', () => {
    const base = { REDIS_URL: 'redis://localhost:6379', API_KEYS: JSON.stringify([KEY]) };
    const off = parseApiConfig(base);
    expect(off.ok && off.value.http).toEqual({ corsOrigins: [], adminUiWithoutAuth: false });
    const listed = parseApiConfig({ ...base, API_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' });
    expect(listed.ok && listed.value.http.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    for (const bad of ['*', 'https://app.example.com/path', 'app.example.com']) {
      const parsed = parseApiConfig({ ...base, API_CORS_ORIGINS: bad });
      expect(parsed.ok ? [] : parsed.issues, bad).toEqual([
        expect.stringMatching(/^API_CORS_ORIGINS \(at 0\): each entry must be an exact origin/),
      ]);
    }
  });

  it('takes the Redis Cluster seeds as the workers do, one server when unset or empty', () => {
    const base = { REDIS_URL: 'redis://localhost:6379', API_KEYS: JSON.stringify([KEY]) };
    const single = parseApiConfig({ ...base, REDIS_CLUSTER_NODES: '' });
    expect(single.ok && single.value.redisClusterNodes).toEqual([]);
    const cluster = parseApiConfig({ ...base, REDIS_CLUSTER_NODES: 'redis-0:6379, redis-1:6379', LANES: '3' });
    expect(cluster.ok && cluster.value).toMatchObject({
      redisClusterNodes: ['redis-0:6379', 'redis-1:6379'],
      lanes: 3,
    });
    const bad = parseApiConfig({ ...base, REDIS_CLUSTER_NODES: 'redis-0' });
    expect(bad.ok ? [] : bad.issues).toEqual(['REDIS_CLUSTER_NODES: must be host:port[,host:port…]']);
  });
});
