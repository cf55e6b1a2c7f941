// The paper's Figure 6 as a released SFT row holds it (test/fixtures/reference, a byte-exact copy of the spec's vector).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseChatPrompt } from '@threadloom/threading';

/** The spec's reference test vectors kept in the repository. */
export const REFERENCE_DIR = resolve(import.meta.dirname, '../fixtures/reference');

/** Figure 6 split the ways the tests use it. */
interface Figure6 {
  /** The whole chat text: user turn, generation prompt, assistant response and end-of-sequence. */
  readonly full: string;
  /** The user message. */
  readonly problem: string;
  /** The rendered prompt a producer submits (ends with the generation prompt). */
  readonly prompt: string;
  /** The assistant response without the end-of-sequence token. */
  readonly assistant: string;
}

const EOS = '<|im_end|>';

function loadFigure6(): Figure6 {
  const full = readFileSync(resolve(REFERENCE_DIR, 'derived_fig6_canonical_sft_text.txt'), 'utf8');
  const { problem = '', assistant } = parseChatPrompt(full);
  return {
    full,
    problem,
    prompt: full.slice(0, full.length - assistant.length),
    assistant: assistant.slice(0, assistant.lastIndexOf(EOS)),
  };
}

/** Figure 6, read once per test file. */
export const FIGURE6: Figure6 = loadFigure6();
