/** Qwen3 chat-template markers around one user turn and the assistant generation prompt. */
const USER_OPEN = '<|im_start|>user\n';
const TURN_CLOSE = '<|im_end|>\n';
const ASSISTANT_OPEN = '<|im_start|>assistant\n';

/** A prompt split into the user message and whatever the assistant has said so far. */
export interface ChatPrompt {
  /** The last user message, or undefined when the prompt is not a chat-template rendering. */
  readonly problem: string | undefined;
  /** Assistant text after the generation prompt (empty at the start). */
  readonly assistant: string;
}

/** Renders the Qwen3 chat template for one user message with the generation prompt. */
export function renderChatPrompt(problem: string): string {
  return `${USER_OPEN}${problem}${TURN_CLOSE}${ASSISTANT_OPEN}`;
}

/** Finds the last user turn and the assistant text after it. */
export function parseChatPrompt(prompt: string): ChatPrompt {
  const userStart = prompt.lastIndexOf(USER_OPEN);
  if (userStart < 0) return { problem: undefined, assistant: prompt };
  const bodyStart = userStart + USER_OPEN.length;
  const close = prompt.indexOf(TURN_CLOSE + ASSISTANT_OPEN, bodyStart);
  if (close < 0) return { problem: undefined, assistant: prompt };
  return {
    problem: prompt.slice(bodyStart, close),
    assistant: prompt.slice(close + TURN_CLOSE.length + ASSISTANT_OPEN.length),
  };
}
