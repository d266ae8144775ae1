import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import {
  buildId,
  cacheDirectory,
  CachingLinker,
  CODE_CACHE,
  engineOptions,
  PROGRAM_CACHE,
  ProgramCache,
  ImageCache,
  LIBRARY_LINKER,
  prepareRunIn,
  printModule,
  RUN,
  UNPREPARED_LINKER,
  BufferedOutput,
  StdoutWriteError,
  UsageError,
  type CompiledSource,
  type Module,
  type PreparedRun,
  type Registry,
  type RunConfig,
  type RunScope,
} from '#framework';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { ProgramError } from './program-error.ts';
import { readSource } from './read-source.ts';
import { formatStats } from './stats.ts';

export interface RunRequest {
  file: string;
  config: RunConfig;
  /** `--emit ir`: print the final module instead of running it; `asm`: its machine code. */
  emit?: 'ir' | 'asm';
  entry?: string;
  /** `-g GOAL`: handed to the frontend (Prolog runs it after loading). */
  goal?: string;
  /** The program's arguments (after `--`), handed to the frontend. */
  argv?: readonly string[];
  stats: boolean;
}

/**
 * `jitc [run] FILE`: compile with the frontend for the file's extension, optimize, lower
 * when needed, then call the entry function. Guest output is flushed before any error is
 * reported, so what the program printed up to a trap is never lost.
 */
export function runCommand(registry: Registry, req: RunRequest, io: CliIo): number {
  const started = performance.now();
  const run = registry.forRun(req.config);
  const frontend = run.frontendFor(req.file);
  const backend = run.chosenBackend();
  run.chosenCollector();
  checkPassNames(run, req.config.printAfter ?? []);
  const source = readSource(req.file, io.cwd);

  const compiled = frontend.compile(source, req.file, { goal: req.goal, argv: req.argv, deferProgram: true });
  const out = new BufferedOutput(stdoutFor(compiled, io));
  const print = (pass: string, m: Module): void => io.stderr(`; after ${pass}\n${printModule(m)}`);
  const prepared = prepareRunIn(run, compiled.module, {
    hosts: compiled.hosts,
    out,
    print,
    prepared: compiled.prepared,
    deferredProgram: compiled.deferredProgram,
  });
  const compileMillis = performance.now() - started;
  try {
    if (req.emit === 'ir') {
      io.stdout(printModule(prepared.module));
      return EXIT.ok;
    }
    if (req.emit === 'asm') {
      if (!backend.disassemble) throw new UsageError(`--emit asm: backend '${backend.name}' has no machine code`);
      io.stdout(backend.disassemble(prepared.program, { ...engineOptions(run), jitThreshold: 0 }));
      return EXIT.ok;
    }
    return execute(prepared, compiled, req, out, io);
  } finally {
    out.flush();
    if (req.stats && req.emit === undefined) {
      const times = {
        compileMillis,
        wallMillis: performance.now() - started,
        programFromCache: prepared.programFromCache,
      };
      io.stderr(
        formatStats(prepared.engine.stats, prepared.program.heap.stats, times, prepared.program.hostCallCounts),
      );
    }
    prepared.engine.dispose();
  }
}

function execute(
  prepared: PreparedRun,
  compiled: CompiledSource,
  req: RunRequest,
  out: BufferedOutput,
  io: CliIo,
): number {
  const entry = req.entry ?? compiled.entry;
  const func = prepared.module.func(entry);
  if (!func) {
    const message = `${req.file} has no function @${entry}`;
    throw req.entry === undefined ? new ProgramError(message) : new UsageError(message);
  }
  if (func.sig.params.length > 0)
    throw new UsageError(`entry @${entry} takes ${func.sig.params.length} arguments; jitc calls it with none`);
  try {
    prepared.engine.call(entry, []);
    // Inside the try: output that cannot be written is the program's failure, reported
    // by its frontend like one during the run.
    out.flush();
    return EXIT.ok;
  } catch (err) {
    let own = compiled.describeFailure?.(err);
    if (!own) throw err;
    // What the program printed before it failed (or halted) goes first; when that cannot be
    // written, that is the failure to report.
    try {
      out.flush();
    } catch (flushErr) {
      if (!(flushErr instanceof StdoutWriteError)) throw flushErr;
      own = compiled.describeFailure?.(flushErr);
      if (!own) throw flushErr;
    }
    if (own.message !== '') io.stderr(`${own.message}\n`);
    return own.exitCode;
  }
}

/** Where guest output goes: standard output, or nowhere when the frontend's language drops
 *  output to a standard output closed at start (CPython: `sys.stdout` is None). */
function stdoutFor(compiled: CompiledSource, io: CliIo): (text: string) => void {
  if (compiled.closedStdout !== 'discard') return (text) => io.stdout(text);
  return (text) => {
    try {
      io.stdout(text);
    } catch (err) {
      if (!(err instanceof StdoutWriteError && err.code === 'EBADF')) throw err;
    }
  };
}

/** One per process: runs in one process (tests) share the prepared libraries. */
let imageCache: ImageCache | undefined;

/**
 * The command's services, registered in the registry's container for every run: frontends'
 * runtime libraries are prepared once per process and, when running from the built command,
 * kept on disk for the next process (keyed by the build); so is native code. The linker is
 * made in the run's container, from the run's options, GC and passes. `--print-after` must
 * show every function going through the passes, so it prepares nothing in advance.
 */
export function registerCommandServices(
  registry: Registry,
  env: CliIo['env'],
  { keepPrograms = true }: { keepPrograms?: boolean } = {},
): void {
  const build = buildId();
  registry.container.register(LIBRARY_LINKER, {
    useFactory: (container) => {
      const run = container.resolve(RUN);
      if ((run.config.printAfter ?? []).length > 0) return UNPREPARED_LINKER;
      imageCache ??= new ImageCache(build === undefined ? null : cacheDirectory(env));
      return new CachingLinker({
        optLevel: run.config.optLevel,
        passes: run.passes(),
        lowerWith: run.lowers() ? run.chosenCollector() : null,
        cache: imageCache,
        buildId: build ?? 'sources',
      });
    },
  });
  // Native code is kept across runs of the built command only: from the TypeScript sources
  // (tests, development) a file may change under a running session without a new build id.
  const codeCache = build === undefined ? null : { root: join(cacheDirectory(env), 'code'), build };
  registry.container.register(CODE_CACHE, { useFactory: () => codeCache });
  // So are prepared programs, by the same rule, unless a --plugin module takes part: its
  // passes and lowering are not part of the build the key names.
  const programCache =
    build === undefined || !keepPrograms
      ? null
      : new ProgramCache((imageCache ??= new ImageCache(cacheDirectory(env))), build);
  registry.container.register(PROGRAM_CACHE, { useFactory: () => programCache });
}

function checkPassNames(run: RunScope, names: readonly string[]): void {
  const known = run.provisions('pass').map((p) => p.name);
  for (const n of names) {
    if (n !== 'all' && !known.includes(n))
      throw new UsageError(`--print-after: unknown pass '${n}' (known: all, ${known.join(', ')})`);
  }
}
