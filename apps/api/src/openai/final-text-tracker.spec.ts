import { describe, expect, it } from 'vitest';
import { FinalTextTracker } from './final-text-tracker.js';

const event = (type: string, data: Record<string, unknown>) => ({ id: '1-0', type, at: 0, data });

describe('FinalTextTracker', () => {
  it('emits the whole text at the end when progress was never read', () => {
    const tracker = new FinalTextTracker();
    expect(tracker.finish('All of it')).toBe('All of it');
    expect(tracker.finish('All of it')).toBe('');
  });
});

describe('FinalTextTracker.advance', () => {
  it('streams only extensions of what was sent', () => {
    const tracker = new FinalTextTracker();
    expect(tracker.advance(undefined)).toBeUndefined();
    expect(tracker.advance('<think>\nPlan.')).toBe('<think>\nPlan.');
    expect(tracker.advance('<think>\nPlan.')).toBeUndefined();
    expect(tracker.advance('<think>\nPlan.\n<Parallel>')).toBe('\n<Parallel>');
    expect(tracker.advance('something else entirely')).toBeUndefined();
    expect(tracker.finish('<think>\nPlan.\n<Parallel>\n…done')).toBe('\n…done');
  });

  it('reads progress only after events that follow a commit', () => {
    expect(FinalTextTracker.worthReading(event('fork', {}))).toBe(true);
    expect(FinalTextTracker.worthReading(event('step_started', {}))).toBe(true);
    expect(FinalTextTracker.worthReading(event('thread_finished', {}))).toBe(false);
  });
});
