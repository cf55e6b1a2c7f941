import type { Dialect } from '../dialect/index.js';
import type { OrchestratorState } from '../orchestration/orchestrator-state.js';
import { resolveDialect } from '../orchestration/resolve-dialect.js';
import type { GeneratedRange } from './generated-ranges.js';
import type { PackInput } from './pack-trajectory.js';

/**
 * What to pack for an RL row of a finished orchestration: its prompt, its response (with the
 * end-of-sequence token when a sequential step stopped on it, which the state's text never holds) and
 * the ranges its engine calls generated, so the loss covers the model's own tokens only (spec §4.3).
 * An EOS a thread generated before the orchestrator force-closed it is not in the text, so not in the row.
 */
export function rolloutPackInput(state: OrchestratorState, dialect?: Dialect): PackInput {
  const eos = resolveDialect(state.dialect, dialect).endOfSequence;
  const generated: GeneratedRange[] = state.units
    .map((unit) => ({ start: unit.completionStart, end: unit.completionEnd }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start);
  if (state.termination?.reason !== 'eos') return { prompt: state.prompt, response: state.response, generated };
  const end = state.response.length;
  return {
    prompt: state.prompt,
    response: state.response + eos,
    generated: [...generated, { start: end, end: end + eos.length }],
  };
}
