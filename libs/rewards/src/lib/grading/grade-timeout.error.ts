/** Thrown inside a grade when its time cap runs out; `grade` turns it into a `timeout` verdict. */
export class GradeTimeoutError extends Error {
  override readonly name = 'GradeTimeoutError';

  constructor(stage: string) {
    super(`grading ran out of time during ${stage}`);
  }
}
