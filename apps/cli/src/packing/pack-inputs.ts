import { renderUserPrompt, type PackInput } from '@threadloom/threading';

/** One thing to pack, named for the output line (`file` or `file:line`). */
interface NamedPackInput {
  readonly source: string;
  readonly input: PackInput;
}

/** An input that could not be read as a trajectory, named the same way. */
interface UnreadableInput {
  readonly source: string;
  readonly reason: string;
}

/** One entry of a file, in file order: an input to pack, or a line that could not be read. */
type PackEntry = NamedPackInput | UnreadableInput;

/**
 * The entries of one file, in line order, so the output follows the input's order. A `.jsonl` file holds
 * one object per line with a `response` and, for the prompt, either a rendered `prompt` or a `problem`
 * (rendered with the Qwen3 chat template); any other file is one response with no prompt, so every
 * token of it is trained.
 */
export function readPackInputs(file: string, text: string): readonly PackEntry[] {
  if (!file.endsWith('.jsonl')) return [{ source: file, input: { prompt: '', response: text } }];
  const entries: PackEntry[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const source = `${file}:${index + 1}`;
    const parsed = parseLine(line);
    entries.push(typeof parsed === 'string' ? { source, reason: parsed } : { source, input: parsed });
  });
  return entries;
}

function parseLine(line: string): PackInput | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const { response, prompt, problem } = value as Record<string, unknown>;
  if (typeof response !== 'string') return 'no string field "response"';
  if (typeof prompt === 'string') return { prompt, response };
  if (typeof problem === 'string') return { prompt: renderUserPrompt(problem), response };
  return { prompt: '', response };
}
