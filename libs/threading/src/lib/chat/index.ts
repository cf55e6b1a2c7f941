export { CHAT_ROLES, parseChatPrompt, renderChatPrompt, renderUserPrompt } from './chat-template.js';
export type { ChatMessage, ChatPrompt, ChatRole } from './chat-template.js';
