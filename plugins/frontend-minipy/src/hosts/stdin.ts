import { readChunkSync } from '#framework';

const CHUNK = 65536;

/**
 * Standard input as CPython's `sys.stdin` reads it: lazily (a line at a time as the program
 * asks, so a program reading a pipe sees input as it comes), decoded as UTF-8, lines ending
 * at `\n` only (CPython opens stdin with newline='\n' on POSIX: a `\r` stays). One reader
 * for the process: it holds what was read ahead of the program.
 */
class StdinReader {
  private buf = '';
  private eof = false;
  private readonly decoder = new TextDecoder('utf-8');

  /** Reads one more chunk into the buffer; false at end of input. */
  private fill(): boolean {
    if (this.eof) return false;
    const bytes = Buffer.alloc(CHUNK);
    const n = readChunkSync(0, bytes);
    const text = n === 0 ? this.decoder.decode() : this.decoder.decode(bytes.subarray(0, n), { stream: true });
    if (n === 0) this.eof = true;
    this.buf += text;
    return n > 0 || text.length > 0;
  }

  /** The next line with its `\n` (none on a last line without one); '' at end of input. */
  readLine(): string {
    let nl = this.buf.indexOf('\n');
    while (nl < 0 && this.fill()) nl = this.buf.indexOf('\n');
    const end = nl < 0 ? this.buf.length : nl + 1;
    const line = this.buf.slice(0, end);
    this.buf = this.buf.slice(end);
    return line;
  }

  /** Everything left. */
  readAll(): string {
    while (this.fill());
    const rest = this.buf;
    this.buf = '';
    return rest;
  }
}

let reader: StdinReader | undefined;

/** The process's standard input, opened at first use. */
export function stdin(): StdinReader {
  reader ??= new StdinReader();
  return reader;
}
