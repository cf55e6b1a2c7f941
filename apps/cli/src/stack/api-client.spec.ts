import { describe, expect, it } from 'vitest';
import { parseEvents } from './api-client.js';

describe('parseEvents', () => {
  it('reads the data of each Server-Sent Event and skips comments and junk', () => {
    const body = [
      'id: 1-0\nevent: queued\ndata: {"type":"queued","at":10}',
      ': keep-alive',
      'id: 2-0\nevent: fork\ndata: {"type":"fork","at":25,"block":0,"threads":["1","2"]}',
      'data: not json',
    ].join('\n\n');
    expect(parseEvents(body)).toEqual([
      { type: 'queued', at: 10, data: { type: 'queued', at: 10 } },
      { type: 'fork', at: 25, data: { type: 'fork', at: 25, block: 0, threads: ['1', '2'] } },
    ]);
  });
});
