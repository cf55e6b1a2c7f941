import { describe, expect, it } from 'vitest';
import { engineBaseUrl, engineEndpoint } from './engine-url.js';

describe('engine URLs', () => {
  it.each(['http://h:8000', 'http://h:8000/', 'http://h:8000/v1', 'http://h:8000/v1/'])(
    '%s has the base URL http://h:8000/v1',
    (url) => {
      expect(engineBaseUrl(url)).toBe('http://h:8000/v1');
      expect(engineEndpoint(url, '/metrics')).toBe('http://h:8000/metrics');
    },
  );
});
