import type { OrchestratorState } from './orchestrator-state.js';

/** One piece of a prompt sent as token ids: text the orchestrator wrote (to tokenize), or ids the engine generated. */
export type PromptPiece = { readonly text: string } | { readonly ids: readonly number[] };

/**
 * Splits a request prompt built from `state` (chat prompt, response so far, maybe a thread header) into
 * what the engine generated, kept as its own token ids, and what the orchestrator inserted (chat prompt,
 * headers, joins, closures), as text; adjacent text is merged. Generated text whose ids are not exactly
 * its kept text (no ids returned, EOS, a cut or a restored stop string) stays text. Concatenating the
 * pieces' text and the units' completions gives `prompt` back.
 */
export function promptPieces(state: OrchestratorState, prompt: string): PromptPiece[] {
  const offset = state.prompt.length;
  const covered = offset + commonPrefixLength(prompt.slice(offset), state.response);
  const reused = state.units
    .filter((unit) => unit.idsReusable === true && unit.tokenIds !== undefined)
    .filter((unit) => unit.completionEnd > unit.completionStart && offset + unit.completionEnd <= covered)
    .sort((a, b) => a.completionStart - b.completionStart);
  const pieces: PromptPiece[] = [];
  let at = 0;
  for (const unit of reused) {
    const start = offset + unit.completionStart;
    if (start < at) continue;
    pushText(pieces, prompt.slice(at, start));
    pieces.push({ ids: unit.tokenIds ?? [] });
    at = offset + unit.completionEnd;
  }
  pushText(pieces, prompt.slice(at));
  return pieces;
}

function pushText(pieces: PromptPiece[], text: string): void {
  if (text === '') return;
  const last = pieces[pieces.length - 1];
  if (last !== undefined && 'text' in last) pieces[pieces.length - 1] = { text: last.text + text };
  else pieces.push({ text });
}

function commonPrefixLength(a: string, b: string): number {
  const end = Math.min(a.length, b.length);
  let i = 0;
  while (i < end && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
