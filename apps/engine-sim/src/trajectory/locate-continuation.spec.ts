import { THREADWEAVER_DIALECT as D } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { locateContinuation } from './locate-continuation.js';
import { indexTrajectory } from './trajectory-index.js';

const T =
  '<think>\nPlan.\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>\n' +
  '<Thread>\n1: first\n</Thread><Thread>\n2: second\n</Thread>\n</Parallel>\nSo \\boxed{1}.\n</think>\n\n$\\boxed{1}$.';
const blocks = indexTrajectory(T, D);
const fork = T.slice(0, T.indexOf('</Outlines>') + '</Outlines>'.length);

describe('locateContinuation', () => {
  it('continues a prefix (sequential steps and thread 1)', () => {
    expect(locateContinuation(T, blocks, fork, D)).toEqual({ ok: true, offset: fork.length, mode: 'prefix' });
    const thread1 = `${fork}\n<Thread>\n1:`;
    expect(T.slice((locateContinuation(T, blocks, thread1, D) as { offset: number }).offset)).toMatch(
      /^ first\n<\/Thread>/,
    );
  });

  it('finds thread N ≥ 2 from the pre-fork context plus its header', () => {
    const at = locateContinuation(T, blocks, `${fork}\n<Thread>\n2:`, D);
    expect(at).toMatchObject({ ok: true, mode: 'thread' });
    expect(T.slice((at as { offset: number }).offset)).toMatch(/^ second\n<\/Thread>\n<\/Parallel>/);
  });

  it('continues after a join whose threads differ from the recording with </Parallel>', () => {
    const joined = `${fork}\n<Thread>\n1: other\n</Thread><Thread>\n2: forced\n</Thread>\n`;
    const at = locateContinuation(T, blocks, joined, D);
    expect(at).toMatchObject({ ok: true, mode: 'join' });
    expect(T.slice((at as { offset: number }).offset)).toMatch(/^<\/Parallel>\nSo/);
  });

  it('reports unknown positions, flagging thread headers', () => {
    expect(locateContinuation(T, blocks, `${fork}\n<Thread>\n7:`, D)).toEqual({ ok: false, threadHeader: true });
    expect(locateContinuation(T, blocks, '<think>\nSomething else', D)).toEqual({ ok: false, threadHeader: false });
  });
});
