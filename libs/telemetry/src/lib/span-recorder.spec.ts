import { describe, expect, it } from 'vitest';
import { flushSpanRecords, recordLater, RECORD_DELAY_MS } from './span-recorder.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('recordLater', () => {
  it('runs recordings in one batch RECORD_DELAY_MS later, never during the caller’s turn', async () => {
    const ran: number[] = [];
    recordLater(() => ran.push(1));
    recordLater(() => ran.push(2));
    await sleep(0);
    expect(ran).toEqual([]);
    await sleep(RECORD_DELAY_MS + 50);
    expect(ran).toEqual([1, 2]);
  });

  it('runs everything waiting when flushed (shutdown), and each recording once', async () => {
    const ran: string[] = [];
    recordLater(() => ran.push('a'));
    flushSpanRecords();
    expect(ran).toEqual(['a']);
    await sleep(RECORD_DELAY_MS + 50);
    expect(ran).toEqual(['a']);
  });

  it('keeps recording the rest of a batch when one recording throws', () => {
    const ran: string[] = [];
    recordLater(() => {
      throw new Error('exporter gone');
    });
    recordLater(() => ran.push('after'));
    flushSpanRecords();
    expect(ran).toEqual(['after']);
  });

  it('records at once when 512 are waiting, so a busy process holds a bounded backlog', () => {
    let ran = 0;
    for (let index = 0; index < 511; index += 1) recordLater(() => (ran += 1));
    expect(ran).toBe(0);
    recordLater(() => (ran += 1));
    expect(ran).toBe(512);
  });
});
