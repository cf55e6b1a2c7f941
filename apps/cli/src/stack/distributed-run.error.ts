/** A request sent through the distributed runtime did not complete. */
export class DistributedRunError extends Error {
  override readonly name = 'DistributedRunError';
  readonly status: string;

  constructor(id: string, status: string, detail: string | undefined) {
    super(`request ${id} ended ${status}${detail === undefined ? '' : `: ${detail}`}`);
    this.status = status;
  }
}
