// The Qwen3 chat template as the runtime uses it: plain text turns, no tools, no reasoning-history stripping.
const TURN_OPEN = '<|im_start|>';
const TURN_CLOSE = '<|im_end|>\n';
const USER_OPEN = `${TURN_OPEN}user\n`;
/** The assistant generation prompt that ends every rendered prompt. */
const GENERATION_PROMPT = `${TURN_OPEN}assistant\n`;

/** Roles the Qwen3 chat template renders. */
export const CHAT_ROLES = ['system', 'user', 'assistant'] as const;
/** One of {@link CHAT_ROLES}. */
export type ChatRole = (typeof CHAT_ROLES)[number];

/** One chat message; `R` widens the role for callers that accept any role string (as vLLM's `/tokenize` does). */
export interface ChatMessage<R extends string = ChatRole> {
  readonly role: R;
  readonly content: string;
}

/** A prompt split into the user message and whatever the assistant has said so far. */
export interface ChatPrompt {
  /** The last user message, or undefined when the prompt is not a chat-template rendering. */
  readonly problem: string | undefined;
  /** Assistant text after the generation prompt (the whole prompt when it is not a rendering). */
  readonly assistant: string;
}

/** Renders messages with the Qwen3 chat template, followed by the assistant generation prompt unless turned off. */
export function renderChatPrompt(messages: readonly ChatMessage<string>[], addGenerationPrompt = true): string {
  const turns = messages.map(({ role, content }) => `${TURN_OPEN}${role}\n${content}${TURN_CLOSE}`).join('');
  return addGenerationPrompt ? `${turns}${GENERATION_PROMPT}` : turns;
}

/** Renders one user message with the generation prompt: what producers submit for a problem. */
export function renderUserPrompt(problem: string): string {
  return `${USER_OPEN}${problem}${TURN_CLOSE}${GENERATION_PROMPT}`;
}

/** Finds the last user turn and the assistant text after its generation prompt. */
export function parseChatPrompt(prompt: string): ChatPrompt {
  const userStart = prompt.lastIndexOf(USER_OPEN);
  if (userStart < 0) return { problem: undefined, assistant: prompt };
  const bodyStart = userStart + USER_OPEN.length;
  const close = prompt.indexOf(TURN_CLOSE + GENERATION_PROMPT, bodyStart);
  if (close < 0) return { problem: undefined, assistant: prompt };
  return {
    problem: prompt.slice(bodyStart, close),
    assistant: prompt.slice(close + TURN_CLOSE.length + GENERATION_PROMPT.length),
  };
}
