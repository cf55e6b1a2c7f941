/** Roles the Qwen3 chat template renders. */
export const CHAT_ROLES = ['system', 'user', 'assistant'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

/** One chat message. */
export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: string;
}

/** Renders messages with the Qwen3 chat template and opens the assistant turn (generation prompt). */
export function renderChatPrompt(messages: readonly ChatMessage[]): string {
  return `${messages.map(({ role, content }) => `<|im_start|>${role}\n${content}<|im_end|>\n`).join('')}<|im_start|>assistant\n`;
}
