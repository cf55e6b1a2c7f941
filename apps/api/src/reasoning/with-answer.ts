import type { RequestView } from '@threadloom/contracts';
import { extractBoxedAnswer } from '@threadloom/rewards';

/** Fills `result.answer` with the last boxed answer of the text when the runtime left it empty. */
export function withAnswer<V extends RequestView | undefined>(view: V): V {
  const result = view?.result;
  if (!view || !result || result.answer !== null) return view;
  return { ...view, result: { ...result, answer: extractBoxedAnswer(result.text) ?? null } };
}
