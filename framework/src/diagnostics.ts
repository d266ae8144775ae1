/** An error in some input text, reported as file:line:col. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
  describe(): string {
    return `${this.file}:${this.line}:${this.col}: ${this.message}`;
  }
}
