import { SourceError } from '#framework';
import { HeapCorruption } from '#framework';
import { Trap } from '#framework';
import { VerifyFailure } from '#framework';
import { UsageError } from '#framework';
import { StdoutWriteError } from '#framework';
import { LimitError } from '#framework';
import { EXIT } from './exit-codes.ts';
import { ProgramError } from './program-error.ts';

export interface ErrorReport {
  /** One or more lines, without the final newline. */
  message: string;
  exitCode: number;
}

/**
 * Turns anything thrown while handling a command into the message and exit status the
 * user sees. Only an internal error may show a host stack, and only with JITC_DEBUG=1:
 * everything else is about the user's input and must read as such. `file` is the
 * program being run, named in messages whose error does not carry a location.
 */
export function reportError(
  err: unknown,
  env: Readonly<Record<string, string | undefined>>,
  file?: string,
): ErrorReport {
  if (err instanceof UsageError) return { message: `jitc: ${err.message}`, exitCode: EXIT.usage };
  if (err instanceof StdoutWriteError) return stdoutFailure(err);
  if (err instanceof Trap) return { message: `jitc: ${err.describe()}`, exitCode: EXIT.program };
  if (err instanceof SourceError) return { message: err.describe(), exitCode: EXIT.program };
  if (err instanceof VerifyFailure)
    return { message: `jitc: ${file ? `${file}: ` : ''}${err.message}`, exitCode: EXIT.program };
  if (err instanceof ProgramError) return { message: `jitc: ${err.message}`, exitCode: EXIT.program };
  if (err instanceof LimitError)
    return { message: `jitc: ${file ? `${file}: ` : ''}${err.message}`, exitCode: EXIT.program };
  // The heap verifier only fails when a collector or lowering is wrong: a jitc bug.
  const label = err instanceof HeapCorruption ? 'heap corruption' : 'internal error';
  const text = err instanceof Error ? err.message : String(err);
  const stack = env.JITC_DEBUG === '1' && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  return { message: `jitc: ${label}: ${text}${stack}`, exitCode: EXIT.internal };
}

/**
 * Output jitc could not write where no frontend words it (`.jir` programs, `--emit`): a
 * reader that went away or a closed descriptor ends the run quietly, as for a C program
 * that SIGPIPE ends or that ignores printf's result; anything else lost output, which is
 * said. An empty message prints nothing.
 */
function stdoutFailure(err: StdoutWriteError): ErrorReport {
  if (err.code === 'EPIPE' || err.code === 'EBADF') return { message: '', exitCode: EXIT.ok };
  return { message: `jitc: ${err.detail}`, exitCode: EXIT.program };
}
