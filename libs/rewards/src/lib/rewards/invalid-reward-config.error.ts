/** A reward parameter is not a finite number, or a clip bound is negative. */
export class InvalidRewardConfigError extends Error {
  override readonly name = 'InvalidRewardConfigError';
  readonly field: string;
  readonly value: number;

  constructor(field: string, value: number) {
    super(`invalid reward configuration: ${field} = ${value}`);
    this.field = field;
    this.value = value;
  }
}
