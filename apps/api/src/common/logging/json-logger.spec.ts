import { describe, expect, it } from 'vitest';
import { JsonLogger } from './json-logger.js';
import { requestContext } from './request-context.js';

describe('JsonLogger', () => {
  it('writes one JSON object per line with level, context and request id', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('info', (line) => lines.push(line));
    requestContext.run({ requestId: 'req-1' }, () => logger.log({ msg: 'hello', n: 1 }, 'Http'));
    logger.debug('hidden below the threshold');
    const record = JSON.parse(lines[0]!);
    expect(lines).toHaveLength(1);
    expect(record).toMatchObject({ level: 'info', context: 'Http', requestId: 'req-1', msg: 'hello', n: 1 });
  });

  it('renders errors with message, name, cause and stack, and is silent when asked', () => {
    const lines: string[] = [];
    new JsonLogger('error', (line) => lines.push(line)).error(new RangeError('outer', { cause: new Error('inner') }));
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      msg: 'outer',
      error: 'RangeError',
      cause: 'Error: inner',
    });
    const silent: string[] = [];
    new JsonLogger('silent', (line) => silent.push(line)).error('nothing');
    expect(silent).toEqual([]);
  });
});
