// Measures file and function lengths with the TypeScript compiler API (the same way the style anchors were measured).
import ts from 'typescript';

/** Where a file or a function is too long. */
export interface SizeViolation {
  readonly file: string;
  /** 1-based line of the file (1) or of the function's signature. */
  readonly line: number;
  readonly kind: 'file' | 'function';
  /** The function's name, or `<anonymous>`; the file path for a file. */
  readonly name: string;
  readonly lines: number;
  readonly limit: number;
}

interface SizeLimits {
  readonly fileLines: number;
  readonly functionLines: number;
}

/** The team's limits (CONTRIBUTING.md). */
export const SIZE_LIMITS: SizeLimits = { fileLines: 300, functionLines: 60 };

/** Every violation in one file's text. */
export function measureFile(file: string, text: string, limits: SizeLimits = SIZE_LIMITS): SizeViolation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const violations: SizeViolation[] = [];
  const fileLines = source.getLineAndCharacterOfPosition(source.getEnd()).line + (text.endsWith('\n') ? 0 : 1);
  if (fileLines > limits.fileLines)
    violations.push({ file, line: 1, kind: 'file', name: file, lines: fileLines, limit: limits.fileLines });
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limits.functionLines)
        violations.push({
          file,
          line: start + 1,
          kind: 'function',
          name: nameOf(node),
          lines,
          limit: limits.functionLines,
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return violations;
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node)
  );
}

function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name !== undefined) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText();
  return '<anonymous>';
}
