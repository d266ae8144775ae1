import { resolve } from 'node:path';
import { SourceError } from '#framework';

/**
 * A compile-time error that CPython reports in its own words, printed the way CPython
 * prints it (the exit status, 1, is every source error's): the limits on nesting and
 * the source encoding, where a program must fail exactly as under CPython. CPython names
 * the script by its absolute path.
 */
export class CPythonCompileError extends SourceError {
  constructor(
    /** `SyntaxError: too many nested parentheses`, `MemoryError`, ... */
    message: string,
    file: string,
    line: number,
    col: number,
    /** What CPython shows above the message: nothing, the source line, or the line and a caret. */
    private readonly context: { sourceLine: string; caret: boolean } | null,
  ) {
    super(message, file, line, col);
  }

  override describe(): string {
    if (!this.context) return this.message;
    const text = this.context.sourceLine.replace(/\n$/, '');
    const shown = text.trimStart();
    const lines = [`  File "${resolve(this.file)}", line ${this.line}`, `    ${shown.trimEnd()}`];
    if (this.context.caret) lines.push(`    ${' '.repeat(Math.max(0, this.col - 1 - (text.length - shown.length)))}^`);
    return [...lines, this.message].join('\n');
  }
}

/** The source line `line` (1-based) of `src`. */
export function sourceLine(src: string, lineStart: number): string {
  const end = src.indexOf('\n', lineStart);
  return src.slice(lineStart, end < 0 ? src.length : end);
}
