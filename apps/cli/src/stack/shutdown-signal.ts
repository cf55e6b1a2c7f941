/** Signals that ask the CLI to stop what it started. */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** A shutdown request: which signal arrived. */
type ShutdownSignal = (typeof SIGNALS)[number];

/**
 * Resolves on the first SIGINT/SIGTERM. A second signal exits at once with 130 (the user insists).
 * Call the returned `dispose` once shut down so the handlers do not outlive the command.
 */
export function waitForShutdownSignal(): { readonly signal: Promise<ShutdownSignal>; dispose(): void } {
  let received = false;
  let resolveSignal: (signal: ShutdownSignal) => void = () => undefined;
  const signal = new Promise<ShutdownSignal>((resolve) => {
    resolveSignal = resolve;
  });
  const handler = (name: ShutdownSignal): void => {
    if (received) process.exit(130);
    received = true;
    resolveSignal(name);
  };
  for (const name of SIGNALS) process.on(name, handler);
  return {
    signal,
    dispose: () => {
      for (const name of SIGNALS) process.off(name, handler);
    },
  };
}
