/** Invalid simulator options (bad number, unknown fault kind, …). */
export class SimConfigError extends Error {
  override readonly name = 'SimConfigError';
}
