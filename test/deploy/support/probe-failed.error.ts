/** A probe did not succeed within the budget the kubelet gives it (initial delay + period × failures). */
export class ProbeFailedError extends Error {
  override readonly name = 'ProbeFailedError';
}
