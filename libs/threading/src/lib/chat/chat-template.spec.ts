import { describe, expect, it } from 'vitest';
import { parseChatPrompt, renderChatPrompt, renderUserPrompt } from './chat-template.js';

const FIG6_USER =
  'What is the sum of the roots of quadratic equation $x^2 - 5x + 6 = 0$? Think step by step and put your answer in \\boxed{}.';

describe('renderChatPrompt', () => {
  it('renders each message and opens the assistant turn', () => {
    expect(
      renderChatPrompt([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ]),
    ).toBe('<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n');
  });

  it('renders a single user turn like the canonical Figure-6 SFT row', () => {
    expect(renderChatPrompt([{ role: 'user', content: FIG6_USER }])).toBe(
      `<|im_start|>user\n${FIG6_USER}<|im_end|>\n<|im_start|>assistant\n`,
    );
  });

  it('leaves the generation prompt off on request', () => {
    expect(renderChatPrompt([{ role: 'tool', content: 'x' }], false)).toBe('<|im_start|>tool\nx<|im_end|>\n');
  });
});

describe('renderUserPrompt', () => {
  it('is the one-user-message rendering', () => {
    expect(renderUserPrompt(FIG6_USER)).toBe(renderChatPrompt([{ role: 'user', content: FIG6_USER }]));
  });
});

describe('parseChatPrompt', () => {
  it('splits a rendering into the last user message and the assistant text so far', () => {
    expect(parseChatPrompt(`${renderUserPrompt('Q')}<think>\n`)).toEqual({ problem: 'Q', assistant: '<think>\n' });
    expect(
      parseChatPrompt(
        renderChatPrompt([
          { role: 'user', content: 'A' },
          { role: 'assistant', content: 'B' },
          { role: 'user', content: 'C' },
        ]),
      ),
    ).toEqual({
      problem: 'C',
      assistant: '',
    });
  });

  it('treats text that is not a rendering as assistant text without a problem', () => {
    expect(parseChatPrompt('just text')).toEqual({ problem: undefined, assistant: 'just text' });
    expect(parseChatPrompt('<|im_start|>user\nunterminated')).toEqual({
      problem: undefined,
      assistant: '<|im_start|>user\nunterminated',
    });
  });
});
