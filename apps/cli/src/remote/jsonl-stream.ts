/** Yields each non-blank line of a streamed body as it arrives. */
export async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of body.pipeThrough(new TextDecoderStream())) {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') yield line;
  }
  if (pending.trim() !== '') yield pending;
}
