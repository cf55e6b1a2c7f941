/** Options for {@link extractBoxedAnswer}. */
export interface ExtractOptions {
  /** Grade only the text after the first `</think>`; a response without it has no answer. */
  readonly afterThinkOnly?: boolean;
  /** The tag that ends the thinking section (default `</think>`). */
  readonly thinkEndTag?: string;
}

const BOX_COMMANDS = ['\\boxed', '\\fbox'] as const;

/** The content of the last `\boxed{…}` (falling back to `\fbox{…}`), or `undefined` when there is none. */
export function extractBoxedAnswer(response: string, options: ExtractOptions = {}): string | undefined {
  const text = scopeText(response, options);
  if (text === undefined) return undefined;
  const command = BOX_COMMANDS.find((name) => text.includes(name));
  return command === undefined ? undefined : lastBoxContent(text, command);
}

function scopeText(response: string, options: ExtractOptions): string | undefined {
  if (options.afterThinkOnly !== true) return response;
  const tag = options.thinkEndTag ?? '</think>';
  const at = response.indexOf(tag);
  return at < 0 ? undefined : response.slice(at + tag.length);
}

// Only the last occurrence counts: an unterminated final box means no answer, never an earlier box.
function lastBoxContent(text: string, command: string): string | undefined {
  const at = text.lastIndexOf(command);
  return at < 0 ? undefined : boxContentAt(text, at + command.length);
}

function boxContentAt(text: string, start: number): string | undefined {
  const next = text[start];
  if (next === '{') return bracedContent(text, start);
  if (next === ' ') return spaceFormContent(text, start);
  return undefined;
}

// `\boxed 5` (no braces) is legal TeX: the argument runs to the next `$` or whitespace.
function spaceFormContent(text: string, start: number): string | undefined {
  const match = /^ +([^\s$]+)/.exec(text.slice(start));
  return match?.[1];
}

function bracedContent(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\\') {
      i += 1; // an escaped brace (`\{`) does not count
      continue;
    }
    if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return undefined;
}
