/** `kubectl` (with its built-in kustomize) is needed to render the manifests and is not on PATH. */
export class KubectlMissingError extends Error {
  override readonly name = 'KubectlMissingError';

  constructor() {
    super(
      'kubectl is not installed or not on PATH: the deployment tests render infra/k8s with `kubectl kustomize`. ' +
        'Install kubectl >= 1.27 (https://kubernetes.io/docs/tasks/tools/) and run the tests again.',
    );
  }
}
