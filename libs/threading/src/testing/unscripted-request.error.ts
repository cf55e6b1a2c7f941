/** A ScriptedEngine received a request its script does not answer. */
export class UnscriptedRequestError extends Error {
  override readonly name = 'UnscriptedRequestError';
  readonly promptTail: string;

  constructor(prompt: string) {
    const promptTail = prompt.slice(-80);
    super(`No scripted answer for a prompt ending in ${JSON.stringify(promptTail)}`);
    this.promptTail = promptTail;
  }
}
