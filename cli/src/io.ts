/** Where the CLI writes. The process entry binds these to stdout/stderr; tests capture them. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Environment variables (JITC_DEBUG). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** stderr is a terminal: progress may be redrawn in place. */
  isTTY?: boolean;
}
