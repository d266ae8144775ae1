import {
  StdoutWriteError,
  Trap,
  UNPREPARED_LINKER,
  type CompiledSource,
  type Frontend,
  type LibraryLinker,
} from '#framework';
import { withPrelude } from './compile/prelude.ts';
import { compileProgram } from './compile/program.ts';
import { pythonHostFunctions, type FailureState } from './hosts/index.ts';
import { MINIPY_RUNTIME } from './runtime/prepared-runtime.ts';
import { parseProgram } from './syntax/parser.ts';
import { checkSourceEncoding } from './syntax/source-encoding.ts';

/** mini-Python: `jitc prog.py` runs the module body; uncaught exceptions print CPython's
 *  last traceback line (after the line it was raised at) and exit 1. */
export function minipyFrontendWith(linker: LibraryLinker): Frontend {
  return {
    name: 'minipy',
    description: 'mini-Python (.py) with CPython semantics',
    extensions: ['.py'],
    compile(source, file, options): CompiledSource {
      checkSourceEncoding(source, file);
      const failure: FailureState = {};
      // The hosts alone hold the arguments: the program depends on the source and its name.
      const hosts = pythonHostFunctions(failure, { argv: [file, ...(options?.argv ?? [])] });
      const { module, prepared } = linker.link(MINIPY_RUNTIME);
      const compile = (): void => compileProgram(module, file, withPrelude(parseProgram(source, file), source));
      const deferredProgram = options?.deferProgram ? { sourceKey: `minipy\0${file}\0${source}`, compile } : undefined;
      if (!deferredProgram) compile();
      return {
        module,
        hosts,
        prepared,
        deferredProgram,
        entry: 'main',
        // CPython starts with sys.stdout = None when standard output is closed: print is a no-op.
        closedStdout: 'discard',
        describeFailure: (err) => {
          if (err instanceof StdoutWriteError) {
            const type = err.code === 'EPIPE' ? 'BrokenPipeError' : 'OSError';
            return {
              message: `Traceback (most recent call last):\n${type}: [Errno ${err.errno}] ${err.reason}`,
              exitCode: 1,
            };
          }
          // An uncaught SystemExit ends the program quietly with its status (sys.exit).
          if (err instanceof Trap && err.kind === 'uncaught_exception' && failure.exit !== undefined)
            return { message: failure.exit.message, exitCode: failure.exit.status };
          if (err instanceof Trap && err.kind === 'uncaught_exception' && failure.message !== undefined) {
            const where = failure.line ? `  File "${file}", line ${failure.line}\n` : '';
            return { message: `Traceback (most recent call last):\n${where}${failure.message}`, exitCode: 1 };
          }
          if (err instanceof Trap && err.kind === 'stack_overflow') {
            return {
              message: 'Traceback (most recent call last):\nRecursionError: maximum recursion depth exceeded',
              exitCode: 1,
            };
          }
          return null;
        },
      };
    },
  };
}

/** The frontend building its runtime library into every program (no linker given). */
export const minipyFrontend: Frontend = minipyFrontendWith(UNPREPARED_LINKER);
