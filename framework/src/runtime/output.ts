import { Trap } from '../ir/traps.ts';
import type { OutputSink } from './host.ts';

/** Messages for the write errors a standard output commonly meets, as strerror words them. */
const REASONS: Readonly<Record<string, { errno: number; reason: string }>> = {
  EPIPE: { errno: 32, reason: 'Broken pipe' },
  EBADF: { errno: 9, reason: 'Bad file descriptor' },
  ENOSPC: { errno: 28, reason: 'No space left on device' },
  EIO: { errno: 5, reason: 'Input/output error' },
  EFBIG: { errno: 27, reason: 'File too large' },
};

/**
 * Guest output could not be written: the reader went away (EPIPE, `| head -c1`), standard
 * output was closed (EBADF, `>&-`), or the disk is full. A Trap, so that every engine passes
 * it through unchanged and the run stops there (a program printing forever into a closed
 * pipe must not run on); a frontend's describeFailure words it as its language does.
 */
export class StdoutWriteError extends Trap {
  /** The C errno number (32 for EPIPE), for messages such as CPython's `[Errno 32]`. */
  readonly errno: number;
  /** strerror's text: 'Broken pipe'. */
  readonly reason: string;

  constructor(readonly code: string) {
    const known = REASONS[code];
    const reason = known?.reason ?? code;
    super('host_error', `cannot write to standard output: ${reason}`);
    this.errno = known?.errno ?? 0;
    this.reason = reason;
  }

  /** The error for what a write threw: its errno code, or EIO when it has none. */
  static from(err: unknown): StdoutWriteError {
    if (err instanceof StdoutWriteError) return err;
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    return new StdoutWriteError(typeof code === 'string' ? code : 'EIO');
  }
}

/** Collects guest output; flushes to `write` in chunks so huge outputs stream. */
export class BufferedOutput implements OutputSink {
  private parts: string[] = [];
  private size = 0;
  /** Set once the sink failed: the failure was raised then, and later output goes nowhere. */
  private failed = false;
  constructor(
    private readonly sink?: (text: string) => void,
    private readonly chunk = 1 << 16,
  ) {}

  write(text: string): void {
    if (this.failed) return;
    this.parts.push(text);
    this.size += text.length;
    if (this.sink && this.size >= this.chunk) this.flush();
  }

  /** Hands what was written to the sink; a sink's StdoutWriteError is raised once. */
  flush(): void {
    if (!this.sink || this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    try {
      this.sink(text);
    } catch (err) {
      if (err instanceof StdoutWriteError) this.failed = true;
      throw err;
    }
  }

  /** Everything written so far and not flushed. */
  text(): string {
    return this.parts.join('');
  }
}
