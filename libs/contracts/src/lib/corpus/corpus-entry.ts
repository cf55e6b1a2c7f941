import { z } from 'zod';

/** One corpus line: a problem and the model's full response (the assistant turn, without EOS). */
export interface CorpusEntry {
  readonly id: string;
  /** The user message exactly as rendered in the chat template. */
  readonly problem: string;
  /** The reference answer (what `\boxed{}` should hold); the trajectory may get it wrong. */
  readonly answer: string;
  /** The assistant turn; the end of the string is an implied EOS. */
  readonly trajectory: string;
}

/** Schema of one JSONL line. */
export const CORPUS_ENTRY_SCHEMA = z.object({
  id: z.string().min(1),
  problem: z.string().min(1),
  answer: z.string(),
  trajectory: z.string().min(1),
});
