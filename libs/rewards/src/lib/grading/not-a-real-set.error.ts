/** Internal to `set-forms.ts`: the expression is not a set of real numbers (the caller falls back to shapes). */
export class NotARealSetError extends Error {
  override readonly name = 'NotARealSetError';

  constructor(what: string) {
    super(`not a set of real numbers: ${what}`);
  }
}
