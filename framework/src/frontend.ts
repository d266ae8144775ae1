import type { Func, Module } from './ir/module.ts';
import type { HostFunction } from './runtime/host.ts';

/** What a frontend produces from a source file. */
export interface CompiledSource {
  module: Module;
  /** Host functions its runtime library needs. */
  hosts: HostFunction[];
  /** The function `jitc FILE` calls (no arguments). */
  entry: string;
  /** Turns a trap or uncaught exception into the language's own message and exit status,
   *  or returns null to let the CLI report it. */
  describeFailure?: (err: unknown) => { message: string; exitCode: number } | null;
  /** What writing to a standard output closed at start (`prog >&-`) does: 'fail' (the
   *  default) stops the run with a StdoutWriteError for describeFailure; 'discard' drops the
   *  output and runs on, as CPython does. A closed pipe (EPIPE) always fails. */
  closedStdout?: 'fail' | 'discard';
  /** Functions of a runtime library linked through the run's LIBRARY_LINKER, prepared
   *  already (hand them to prepareRun). */
  prepared?: ReadonlySet<Func>;
  /** Given FrontendOptions.deferProgram, a frontend whose program (the declarations and
   *  functions it adds after the library's) depends on the source text and file name alone
   *  may leave it out of `module`: `compile()` adds it, and `sourceKey` names it, so that
   *  the cache of prepared programs can supply it instead (prepareRun does either). */
  deferredProgram?: DeferredProgram;
}

export interface DeferredProgram {
  readonly sourceKey: string;
  compile(): void;
}

export interface FrontendOptions {
  /** Extra goal or expression to run instead of the default entry (e.g. Prolog `-g`). */
  goal?: string;
  /** The program's own arguments: what followed `--` on the command line. */
  argv?: readonly string[];
  /** The caller takes a CompiledSource.deferredProgram (the command's run does). */
  deferProgram?: boolean;
}

export interface Frontend {
  readonly name: string;
  readonly description: string;
  /** File extensions it handles, with the dot: ['.pl']. */
  readonly extensions: readonly string[];
  /** Throws SourceError (file:line:col) for errors in the source. */
  compile(source: string, file: string, options: FrontendOptions): CompiledSource;
}
