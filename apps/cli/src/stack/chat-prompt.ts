/** Renders the Qwen3 chat template for one user message with the assistant generation prompt. */
export function renderQwen3Prompt(problem: string): string {
  return `<|im_start|>user\n${problem}<|im_end|>\n<|im_start|>assistant\n`;
}
