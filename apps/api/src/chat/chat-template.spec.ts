import { describe, expect, it } from 'vitest';
import { renderChatPrompt } from './chat-template.js';

describe('renderChatPrompt', () => {
  it('renders each message and opens the assistant turn', () => {
    expect(renderChatPrompt([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }])).toBe(
      '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('renders a single user turn like the canonical Figure-6 SFT row', () => {
    const user = 'What is the sum of the roots of quadratic equation $x^2 - 5x + 6 = 0$? Think step by step and put your answer in \\boxed{}.';
    expect(renderChatPrompt([{ role: 'user', content: user }])).toBe(`<|im_start|>user\n${user}<|im_end|>\n<|im_start|>assistant\n`);
  });
});
