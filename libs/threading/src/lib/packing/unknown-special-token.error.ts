/** The encoder has no id for a tag the packer needs: encoder and dialect do not belong together. */
export class UnknownSpecialTokenError extends Error {
  readonly special: string;
  constructor(encoder: string, special: string) {
    super(`the ${encoder} encoder has no id for ${special}`);
    this.name = 'UnknownSpecialTokenError';
    this.special = special;
  }
}
