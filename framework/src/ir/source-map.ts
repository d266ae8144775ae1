/**
 * Where each line of a source text starts, to turn an offset into `line:col` (one integer
 * per line). Instructions keep only their offset; verifier messages look the rest up here.
 */
export class SourceMap {
  constructor(
    readonly file: string,
    /** Offset of each line's first character; line 1 starts at 0. */
    private readonly lineStarts: Int32Array,
  ) {}

  /** 1-based line and column of an offset. */
  locate(offset: number): { line: number; col: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  }

  /** `file:line:col` of an offset. */
  describe(offset: number): string {
    const { line, col } = this.locate(offset);
    return `${this.file}:${line}:${col}`;
  }
}
