// Batch lines built from the simulator's shipped corpus, with its answers as ground truth.
import { corpusEntries } from '../../support/corpus.js';
import { MODEL } from './api-stack.js';

const rows = corpusEntries();

/** `count` batch lines cycling through the corpus (OpenAI batch shape, chat bodies). */
export function corpusBatchLines(count: number) {
  return Array.from({ length: count }, (_v, index) => {
    const row = rows[index % rows.length]!;
    return {
      custom_id: `${row.id}-${index}`,
      method: 'POST' as const,
      url: '/v1/chat/completions' as const,
      body: { model: MODEL, messages: [{ role: 'user' as const, content: row.problem }] },
      ground_truth: row.answer,
    };
  });
}
