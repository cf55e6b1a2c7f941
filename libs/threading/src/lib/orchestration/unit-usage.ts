import type { CompletionResult } from './engine.js';
import type { CallUnit } from './orchestrator-state.js';
import { safeTokenCount } from './request-budget.js';
import { storePromptIds } from './unit-token-ids.js';

type UnitUsage = Pick<
  CallUnit,
  'promptTokens' | 'cachedTokens' | 'usageSource' | 'tokenIds' | 'promptIds' | 'idsReusable'
>;

/**
 * The usage fields and token ids a call unit keeps from its engine result (only those reported).
 * `earlier` are the units already recorded (prompt ids are stored against them); `kept` is the text
 * the trajectory kept of the completion, so ids are marked reusable only when they are exactly that text.
 */
export function unitUsage(
  result: CompletionResult,
  earlier: readonly CallUnit[],
  kept: { readonly text: string; readonly eos: boolean },
): UnitUsage {
  const { tokenIds, promptTokenIds } = result;
  return {
    ...(result.promptTokens === undefined ? {} : { promptTokens: safeTokenCount(result.promptTokens) }),
    ...(result.cachedTokens === undefined ? {} : { cachedTokens: safeTokenCount(result.cachedTokens) }),
    ...(result.usageSource === 'tokenizer' ? { usageSource: 'tokenizer' as const } : {}),
    ...(tokenIds === undefined ? {} : { tokenIds, idsReusable: !kept.eos && kept.text === result.text }),
    ...(promptTokenIds === undefined ? {} : { promptIds: storePromptIds(earlier, promptTokenIds) }),
  };
}
