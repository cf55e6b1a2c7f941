import { threadHeader } from '../dialect/index.js';
import type { Dialect } from '../dialect/index.js';
import type { CallUnit, OrchestratorState } from './orchestrator-state.js';
import { resolveDialect } from './resolve-dialect.js';

/** The completion text a unit kept (EOS removed), sliced from the response. */
export function unitCompletion(state: OrchestratorState, unit: CallUnit): string {
  return state.response.slice(unit.completionStart, unit.completionEnd);
}

/** The prompt the unit's request was sent with, rebuilt from the state (units store only lengths). */
export function unitPrompt(state: OrchestratorState, unit: CallUnit, dialect?: Dialect): string {
  switch (unit.kind) {
    case 'sequential':
      return (state.prompt + state.response).slice(0, unit.contextChars);
    case 'thread': {
      const header = threadHeader(resolveDialect(state.dialect, dialect), unit.thread ?? '', true);
      return (state.prompt + state.response).slice(0, unit.contextChars - header.length) + header;
    }
  }
}
