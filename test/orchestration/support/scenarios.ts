// Scripted model behaviours, chosen by the first word of the problem (see scripted-engine.ts).
import { parseChatPrompt } from '@threadloom/threading';
import { keyword, type ScriptedReply, type ScriptedRequest } from './scripted-engine.js';

const END = '\n</Parallel>\nSo the answer is 42.\n</think>\n\\boxed{42}';

function plan(numbers: readonly string[]): string {
  return `<think>\nLet me split this.\n<Parallel>\n<Outlines>\n${numbers.map((n) => `<Outline>${n}: part ${n}</Outline>\n`).join('')}</Outlines>`;
}

const stop = (text: string, stopReason: string | null, durationMs = 0): ScriptedReply => ({
  text,
  finish: 'stop',
  stopReason,
  durationMs,
});

const PLANS: Readonly<Record<string, readonly string[]>> = {
  normal: ['1', '2', '3'],
  slow: ['1', '2', '3', '4'],
  failing: ['1', '2', '3'],
  rejected: ['1', '2'],
  unclosed: ['1', '2'],
  duplicate: ['1', '1', '2'],
  eos: ['1', '2', '3'],
  wide: ['1', '2', '3', '4', '5', '6', '7', '8'],
  concurrent: ['1', '2', '3', '4'],
  slowseq: ['1', '2'],
  budget: ['1', '2', '3'],
};

/** The reply of every scenario; deterministic in the prompt. */
export function scenario(request: ScriptedRequest): ScriptedReply {
  const name = keyword(request.prompt);
  if (request.thread !== null) return threadReply(name, request.thread);
  if (name === 'overloaded') return { ...stop('', null), status: 503 };
  const assistant = parseChatPrompt(request.prompt).assistant;
  if (request.stop.length === 0) return stop(`${plan(PLANS[name] ?? ['1'])}\nAll at once.${END}`, null);
  if (name === 'loop')
    return stop(`${assistant === '' ? '<think>\n' : '\n'}<Outlines>\nNothing to split.\n</Outlines>`, '</Outlines>');
  if (name === 'zero')
    return assistant.includes('</Outlines>')
      ? stop('\nNo threads after all.\n</think>\n\\boxed{1}', null)
      : stop('<think>\n<Parallel>\n<Outlines>\nNothing.\n</Outlines>', '</Outlines>');
  if (assistant.includes('</Thread>')) return stop(END, null);
  return stop(plan(PLANS[name] ?? ['1']), '</Outlines>', name === 'slowseq' ? 6_000 : 0);
}

function threadReply(name: string, thread: string): ScriptedReply {
  const body = ` work on part ${thread}, carefully and in detail.`;
  if (name === 'failing' && thread === '2') return { ...stop('', null), status: 500 };
  if (name === 'rejected' && thread === '2') return { ...stop('', null), status: 400 };
  if (name === 'unclosed' && thread === '1')
    return { text: `${body} and it goes on`, finish: 'length', stopReason: null };
  if (name === 'eos' && thread === '2') return stop(`${body} Done early.`, null);
  const durationMs = name === 'slow' ? 4_000 : name === 'wide' ? 2_500 : name === 'concurrent' ? 150 : 0;
  return stop(`${body}\n</Thread>`, '</Thread>', durationMs);
}
