/** `kubectl kustomize` rejected an overlay. */
export class RenderFailedError extends Error {
  override readonly name = 'RenderFailedError';

  constructor(overlay: string, stderr: string) {
    super(`kubectl kustomize infra/k8s/overlays/${overlay} failed:\n${stderr}`);
  }
}
