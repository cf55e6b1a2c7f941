import { createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { SyncContextManager } from './sync-context-manager.js';

const KEY = createContextKey('test');

describe('SyncContextManager', () => {
  it('makes a context active for the synchronous call only, nested calls included', () => {
    const manager = new SyncContextManager();
    const outer = ROOT_CONTEXT.setValue(KEY, 'outer');
    const inner = ROOT_CONTEXT.setValue(KEY, 'inner');
    const seen = manager.with(outer, () => {
      const nested = manager.with(inner, () => manager.active().getValue(KEY));
      return [nested, manager.active().getValue(KEY)];
    });
    expect(seen).toEqual(['inner', 'outer']);
    expect(manager.active()).toBe(ROOT_CONTEXT);
  });

  it('restores the previous context when the call throws, and passes this and arguments', () => {
    const manager = new SyncContextManager();
    const ctx = ROOT_CONTEXT.setValue(KEY, 'x');
    expect(() =>
      manager.with(ctx, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(manager.active()).toBe(ROOT_CONTEXT);
    const self = { base: 2 };
    expect(
      manager.with(
        ctx,
        function (this: typeof self, add: number) {
          return this.base + add;
        },
        self,
        3,
      ),
    ).toBe(5);
  });

  it('does not carry the context past an await (workers hand it on explicitly)', async () => {
    const manager = new SyncContextManager();
    const ctx = ROOT_CONTEXT.setValue(KEY, 'x');
    const later = await manager.with(ctx, async () => {
      await Promise.resolve();
      return manager.active().getValue(KEY);
    });
    expect(later).toBeUndefined();
  });

  it('binds functions to a context and leaves other targets as they are', () => {
    const manager = new SyncContextManager();
    const ctx = ROOT_CONTEXT.setValue(KEY, 'bound');
    const bound = manager.bind(ctx, () => manager.active().getValue(KEY));
    expect(bound()).toBe('bound');
    const target = { on: () => undefined };
    expect(manager.bind(ctx, target)).toBe(target);
  });
});
