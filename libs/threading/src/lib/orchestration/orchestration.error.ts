/** Why the state machine refused a call: always a caller bug, never a model-output problem. */
export type OrchestrationErrorCode =
  'invalid_options' | 'wrong_phase' | 'unknown_thread' | 'unknown_dialect' | 'dialect_mismatch';

/** Thrown for programming errors only; engine output never makes the state machine throw. */
export class OrchestrationError extends Error {
  override readonly name = 'OrchestrationError';
  readonly code: OrchestrationErrorCode;

  constructor(code: OrchestrationErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
