import { StdoutWriteError } from '#framework';
import { startedClosed } from './closed-stdout.ts';
import { EXIT } from './exit-codes.ts';
import { runCli } from './main.ts';
import { writeAllSync } from './sync-writer.ts';

/**
 * Standard output: a write that fails (the reader went away, the descriptor was closed at
 * start, the disk is full) throws StdoutWriteError, which stops the run and reaches the
 * frontend, which reports it as its language does (run-command.ts).
 */
function stdoutWriter(): (text: string) => void {
  const closed = startedClosed(1);
  return (text) => {
    if (closed) throw new StdoutWriteError('EBADF');
    try {
      writeAllSync(1, text);
    } catch (err) {
      throw StdoutWriteError.from(err);
    }
  };
}

/** Standard error has nowhere to report its own failure: a reader that went away ends the
 *  run quietly, any other error with the internal-error status. */
function stderrWriter(text: string): void {
  try {
    writeAllSync(2, text);
  } catch (err) {
    process.exit((err as NodeJS.ErrnoException).code === 'EPIPE' ? EXIT.ok : EXIT.internal);
  }
}

const status = await runCli(process.argv.slice(2), {
  stdout: stdoutWriter(),
  stderr: stderrWriter,
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stderr.isTTY === true,
});
// Exit explicitly: a backend's native handles must not keep a finished run alive.
process.exit(status);
