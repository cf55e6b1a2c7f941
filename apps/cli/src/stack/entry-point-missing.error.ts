/** An application the stack needs has not been built (its `dist/main.js` is missing). */
export class EntryPointMissingError extends Error {
  override readonly name = 'EntryPointMissingError';
  readonly path: string;

  constructor(app: string, path: string) {
    super(`${app} is not built: ${path} does not exist. Run 'npm run build' (or 'npx tsc -b tsconfig.json') first.`);
    this.path = path;
  }
}
