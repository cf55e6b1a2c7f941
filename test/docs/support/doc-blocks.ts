// Finds the runnable commands of a Markdown document and the output each one shows.

/** One command of a document, with the output and exit code it shows. */
export interface DocCommand {
  readonly document: string;
  /** 1-based line of the command in the document. */
  readonly line: number;
  readonly command: string;
  /** Shown output lines (empty: the output is not checked). */
  readonly shown: readonly string[];
  readonly exitCode: number;
}

/** Marks the next fenced block of a `docs/*.md` file as runnable (README blocks are all runnable). */
const RUNNABLE_MARKER = '<!-- runnable -->';
const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console']);
const EXIT_LINE = /^\[exit (\d+)\]$/;

interface Block {
  readonly startLine: number;
  readonly lines: readonly string[];
}

/** The commands of a document's runnable blocks: every shell block (`everyBlock`), or the marked ones. */
export function docCommands(document: string, markdown: string, everyBlock: boolean): DocCommand[] {
  return runnableBlocks(markdown, everyBlock).flatMap((block) => blockCommands(document, block));
}

function runnableBlocks(markdown: string, everyBlock: boolean): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let previous = '';
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^```(\w*)\s*$/.exec(lines[index]!);
    if (fence === null) {
      if (lines[index]!.trim() !== '') previous = lines[index]!.trim();
      continue;
    }
    const end = lines.findIndex((line, at) => at > index && /^```\s*$/.test(line));
    const marked = previous === RUNNABLE_MARKER;
    if ((everyBlock && SHELL_LANGUAGES.has(fence[1]!)) || marked)
      blocks.push({ startLine: index + 2, lines: lines.slice(index + 1, end) });
    index = end;
    previous = '';
  }
  return blocks;
}

/** Transcript blocks (`$ command` then its output) or plain blocks (one command a line, `#` comments). */
function blockCommands(document: string, block: Block): DocCommand[] {
  const transcript = block.lines.some((line) => line.startsWith('$ '));
  type Draft = { line: number; command: string; shown: string[]; exitCode: number };
  const commands: Draft[] = [];
  let current: Draft | undefined;
  let continued = false;
  block.lines.forEach((raw, offset) => {
    const line = raw.trimEnd();
    if (continued && current !== undefined) {
      current.command += `\n${line}`;
      continued = line.endsWith('\\');
      return;
    }
    const isCommand = transcript ? line.startsWith('$ ') : line.trim() !== '' && !line.trimStart().startsWith('#');
    if (isCommand) {
      const command = transcript ? line.slice(2) : line.replace(/\s{2,}#.*$/, '');
      current = { line: block.startLine + offset, command, shown: [], exitCode: 0 };
      commands.push(current);
      continued = line.endsWith('\\');
      return;
    }
    if (!transcript || current === undefined || line.trim() === '') return;
    const exit = EXIT_LINE.exec(line.trim());
    if (exit !== null) current.exitCode = Number(exit[1]);
    else current.shown.push(line);
  });
  return commands.map((command) => ({ ...command, document }));
}
