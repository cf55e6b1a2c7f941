/** A supervised child process exited or stayed silent before printing its ready line. */
export class ProcessNotReadyError extends Error {
  override readonly name = 'ProcessNotReadyError';

  constructor(command: string, reason: string, output: string) {
    super(
      `${command} did not become ready: ${reason}${output === '' ? '' : `\n--- output ---\n${output.slice(-4000)}`}`,
    );
  }
}
