import { MULTIVERSE_DIALECT, THREADWEAVER_DIALECT } from '../dialect/index.js';
import type { Dialect } from '../dialect/index.js';
import { OrchestrationError } from './orchestration.error.js';

const KNOWN_DIALECTS: readonly Dialect[] = [THREADWEAVER_DIALECT, MULTIVERSE_DIALECT];

/** The dialect a state was started with: the one passed (names must match) or a built-in by name. */
export function resolveDialect(name: string, dialect: Dialect | undefined): Dialect {
  if (dialect !== undefined) {
    if (dialect.name !== name) {
      throw new OrchestrationError('dialect_mismatch', `State uses dialect ${name}, call passed ${dialect.name}`);
    }
    return dialect;
  }
  const known = KNOWN_DIALECTS.find((candidate) => candidate.name === name);
  if (known === undefined)
    throw new OrchestrationError('unknown_dialect', `Unknown dialect ${name}: pass it explicitly`);
  return known;
}
