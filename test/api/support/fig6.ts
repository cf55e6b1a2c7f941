// The Figure-6 problem as shipped in the simulator's corpus: the user turn and the canonical assistant text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS_DIR } from '../../orchestration/support/corpus.js';

const canonical = readFileSync(resolve(CORPUS_DIR, 'fig6-canonical-sft-text.txt'), 'utf8');
const USER = '<|im_start|>user\n';
const ASSISTANT = '<|im_end|>\n<|im_start|>assistant\n';

/** The user message of Figure 6. */
export const FIG6_PROBLEM = canonical.slice(USER.length, canonical.indexOf(ASSISTANT));
/** The assistant response without the end-of-sequence token. */
export const FIG6_ASSISTANT_TEXT = canonical.slice(canonical.indexOf(ASSISTANT) + ASSISTANT.length).replace(/<\|im_end\|>\n?$/, '');
