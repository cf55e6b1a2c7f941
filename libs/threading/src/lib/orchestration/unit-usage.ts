import type { CompletionResult } from './engine.js';
import type { CallUnit } from './orchestrator-state.js';
import { safeTokenCount } from './request-budget.js';

/** The usage fields a call unit keeps from its engine result (only those the engine or tokenizer reported). */
export function unitUsage(result: CompletionResult): Pick<CallUnit, 'promptTokens' | 'cachedTokens' | 'usageSource'> {
  return {
    ...(result.promptTokens === undefined ? {} : { promptTokens: safeTokenCount(result.promptTokens) }),
    ...(result.cachedTokens === undefined ? {} : { cachedTokens: safeTokenCount(result.cachedTokens) }),
    ...(result.usageSource === 'tokenizer' ? { usageSource: 'tokenizer' as const } : {}),
  };
}
