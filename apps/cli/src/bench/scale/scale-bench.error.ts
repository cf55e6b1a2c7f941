/** The scale benchmark could not measure what it set out to (a request failed, a state was not reached). */
export class ScaleBenchError extends Error {
  override readonly name = 'ScaleBenchError';
}
