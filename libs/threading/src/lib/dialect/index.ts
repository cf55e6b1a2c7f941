export { threadHeader } from './dialect.js';
export type { Dialect, DialectTags, TagPair } from './dialect.js';
export { MULTIVERSE_DIALECT } from './multiverse.dialect.js';
export { THREADWEAVER_DIALECT } from './threadweaver.dialect.js';
