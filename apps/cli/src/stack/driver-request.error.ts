/** The runtime has no such request (expired, or another key prefix). */
export class DriverRequestError extends Error {
  override readonly name = 'DriverRequestError';

  constructor(id: string, detail: string) {
    super(`request ${id}: ${detail}`);
  }
}
