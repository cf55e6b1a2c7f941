/** A corpus file could not be read or has invalid lines. */
export class CorpusLoadError extends Error {
  override readonly name = 'CorpusLoadError';
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(issues.length > 0 ? `${message}: ${issues.slice(0, 5).join('; ')}` : message);
  }
}
