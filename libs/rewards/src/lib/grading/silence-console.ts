const CONSOLE_METHODS = ['error', 'warn', 'info', 'log', 'debug', 'group', 'groupEnd'] as const;

/**
 * Runs `fn` with the console muted and counts what it tried to print. The Compute Engine logs internal
 * canonicalisation failures with `console.error`; a grader in a worker must neither spam logs nor miss
 * that the engine fell back to an uncanonical form. Synchronous, and restored in `finally`.
 */
export function withSilencedConsole<T>(fn: () => T): { readonly value: T; readonly messages: number } {
  // Saved as-is (not called here) and put back unchanged, so `this` binding is not a concern.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const saved = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
  let messages = 0;
  const count = (): void => {
    messages += 1;
  };
  for (const method of CONSOLE_METHODS) console[method] = count;
  try {
    return { value: fn(), messages };
  } finally {
    for (const [method, original] of saved) console[method] = original;
  }
}
