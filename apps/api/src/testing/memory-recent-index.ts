import { RECENT_CAPACITY, type RecentIndex } from '../recent/recent-index.js';

/** An in-process {@link RecentIndex} for HTTP specs that never contact Redis. */
export function memoryRecentIndex(): RecentIndex {
  const entries = new Map<string, Map<string, number>>();
  return {
    record(kind, tenant, id, at) {
      const key = `${kind}:${tenant}`;
      const items = entries.get(key) ?? new Map<string, number>();
      items.set(id, at);
      entries.set(key, new Map([...items].sort((a, b) => b[1] - a[1]).slice(0, RECENT_CAPACITY)));
      return Promise.resolve();
    },
    list(kind, tenant, limit) {
      return Promise.resolve([...(entries.get(`${kind}:${tenant}`)?.keys() ?? [])].slice(0, limit));
    },
  };
}
