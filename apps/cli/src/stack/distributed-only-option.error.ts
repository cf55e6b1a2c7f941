/** An option of `run` that only a distributed run reads was given without `--distributed`. */
export class DistributedOnlyOptionError extends Error {
  override readonly name = 'DistributedOnlyOptionError';

  constructor(readonly option: string) {
    super(`${option} needs --distributed (an in-process run uses no Redis).`);
  }
}
