// Batch lines built from the simulator's shipped corpus, with its answers as ground truth.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS_DIR } from '../../orchestration/support/corpus.js';
import { MODEL } from './api-stack.js';

interface CorpusRow {
  readonly id: string;
  readonly problem: string;
  readonly answer: string;
}

const rows: CorpusRow[] = readFileSync(resolve(CORPUS_DIR, 'threadweaver-math.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CorpusRow);

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
