// `tsx scripts/check-sizes.ts [dir…]`: fails when a source .ts file (specs and tests aside) is over
// 300 lines or a function over 60, listing each. Run by `npm run lint`; defaults to apps/, libs/, scripts/, test/, tools/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { measureFile, SIZE_LIMITS, type SizeViolation } from './size-check/measure-sizes.js';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.nx', '.tmp']);
const TEST_FILE = /\.(spec|test)\.ts$|\.d\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !TEST_FILE.test(entry.name) ? [path] : [];
  });
}

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['apps', 'libs', 'scripts', 'test', 'tools'];
const violations: SizeViolation[] = roots
  .flatMap(sourceFiles)
  .flatMap((file) => measureFile(relative(process.cwd(), file), readFileSync(file, 'utf8')));
for (const v of violations) {
  const what = v.kind === 'file' ? 'file' : `function ${v.name}`;
  process.stderr.write(`${v.file}:${v.line}: ${what} has ${v.lines} lines (limit ${v.limit})\n`);
}
if (violations.length > 0) {
  process.stderr.write(
    `${violations.length} size violation(s): files ≤ ${SIZE_LIMITS.fileLines} lines, functions ≤ ${SIZE_LIMITS.functionLines}.\n`,
  );
  process.exitCode = 1;
}
