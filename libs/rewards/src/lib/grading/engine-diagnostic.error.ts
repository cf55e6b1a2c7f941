/** The math engine reported an internal error on the console while handling an input; the grade treats it as unparseable. */
export class EngineDiagnosticError extends Error {
  override readonly name = 'EngineDiagnosticError';

  constructor(stage: string, count: number) {
    super(`the math engine reported ${count} internal error(s) during ${stage}`);
  }
}
