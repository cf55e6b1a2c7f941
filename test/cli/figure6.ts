// The paper's Figure 6 as a released SFT row would hold it (a byte-exact copy of the spec's test vector).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './cli-process.js';

const USER_OPEN = '<|im_start|>user\n';
const ASSISTANT_OPEN = '<|im_end|>\n<|im_start|>assistant\n';
const EOS = '<|im_end|>';

/** The user message, the rendered prompt and the assistant response (without EOS) of Figure 6. */
export function figure6(): { problem: string; prompt: string; assistant: string } {
  const fixture = resolve(ROOT, 'libs/threading/src/lib/orchestration/fixtures/fig6-canonical-sft-text.json');
  const { text } = JSON.parse(readFileSync(fixture, 'utf8')) as { text: string };
  const split = text.indexOf(ASSISTANT_OPEN);
  const assistant = text.slice(split + ASSISTANT_OPEN.length);
  return {
    problem: text.slice(USER_OPEN.length, split),
    prompt: text.slice(0, split + ASSISTANT_OPEN.length),
    assistant: assistant.slice(0, assistant.lastIndexOf(EOS)),
  };
}
