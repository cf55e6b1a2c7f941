/** Sampling settings one request carries to the engine; absent fields take the engine's defaults. */
export interface Sampling {
  readonly temperature?: number | undefined;
  readonly topP?: number | undefined;
  readonly seed?: number | undefined;
}
