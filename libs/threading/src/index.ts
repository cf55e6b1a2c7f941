// Public API of @threadloom/threading. Explicit named exports only.
export { MULTIVERSE_DIALECT, THREADWEAVER_DIALECT, threadHeader } from './lib/dialect/index.js';
export type { Dialect, DialectTags, TagPair } from './lib/dialect/index.js';
