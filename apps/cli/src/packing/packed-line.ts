import type { PackedSequence, PackingIssue } from '@threadloom/threading';

/** The JSON line `threadloom pack` prints for a packed input (snake_case, as trainers read it). */
export interface PackedLine {
  readonly source: string;
  readonly ok: true;
  readonly tokenizer: string;
  readonly units: number;
  readonly prompt_tokens: number;
  readonly input_ids: number[];
  readonly position_ids: number[];
  readonly parent: number[];
  readonly tin: number[];
  readonly tout: number[];
  readonly labels: number[];
  readonly loss_mask: number[];
}

/** The JSON line printed for an input that could not be packed. */
interface FailedPackLine {
  readonly source: string;
  readonly ok: false;
  readonly issues: readonly { readonly code: string; readonly message: string; readonly token_index?: number }[];
}

/** A packed sequence as its output line. */
export function packedLine(source: string, tokenizer: string, packed: PackedSequence): PackedLine {
  return {
    source,
    ok: true,
    tokenizer,
    units: packed.units,
    prompt_tokens: packed.promptTokens,
    input_ids: Array.from(packed.inputIds),
    position_ids: Array.from(packed.positionIds),
    parent: Array.from(packed.parent),
    tin: Array.from(packed.tin),
    tout: Array.from(packed.tout),
    labels: Array.from(packed.labels),
    loss_mask: Array.from(packed.lossMask),
  };
}

/** Packing issues as the failure line. */
export function failedPackLine(source: string, issues: readonly PackingIssue[]): FailedPackLine {
  return {
    source,
    ok: false,
    issues: issues.map((issue) => ({ code: issue.code, message: issue.message, token_index: issue.tokenIndex })),
  };
}
