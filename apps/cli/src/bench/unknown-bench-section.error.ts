/** `--only` named a section the suite does not have. */
export class UnknownBenchSectionError extends Error {
  override readonly name = 'UnknownBenchSectionError';

  constructor(unknown: readonly string[], known: readonly string[]) {
    super(`unknown section ${unknown.join(', ')} (known: ${known.join(', ')})`);
  }
}
