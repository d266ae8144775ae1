import type { Engine, EngineOptions } from './engine.ts';
import type { DeferredProgram } from './frontend.ts';
import type { GarbageCollector } from './gc/interface.ts';
import type { Func, Module } from './ir/module.ts';
import {
  FunctionVerifier,
  verifyDeclsAndFunctions,
  verifyFunctions,
  VerifyFailure,
  type VerifyError,
} from './ir/verify.ts';
import { ProgramCodeLoader } from './jit/code-loader.ts';
import { isHugeFunction } from './opt/huge-functions.ts';
import { runPipeline } from './opt/pipeline.ts';
import type { Registry, RunScope } from './registry.ts';
import type { OptLevel, RunConfig } from './run-config.ts';
import type { Pass } from './opt/pass.ts';
import type { HostFunction, OutputSink } from './runtime/host.ts';
import { Program } from './runtime/program.ts';
import { CODE_CACHE, PROGRAM_CACHE } from './tokens.ts';

export interface PreparedRun {
  /** The run's child container and the services it chose. */
  run: RunScope;
  module: Module;
  program: Program;
  engine: Engine;
  /** Whether the program's prepared functions came from the program cache. */
  programFromCache: boolean;
}

export interface PrepareOptions {
  hosts?: HostFunction[];
  out: OutputSink;
  /** Called with the module after each pass named in config.printAfter. */
  print?: (passName: string, m: Module) => void;
  /** Functions of a prepared runtime library (see prepared/runtime-library.ts): verified,
   *  optimized and, when the run lowers, lowered already, so left as they are. */
  prepared?: ReadonlySet<Func>;
  /** The program a frontend left out of the module (CompiledSource.deferredProgram): taken
   *  from the program cache, or compiled here. */
  deferredProgram?: DeferredProgram;
}

export interface PrepareModuleOptions {
  optLevel: OptLevel;
  passes: readonly Pass[];
  /** The collector whose lowering the module gets, or null when it stays unlowered. */
  lowerWith: GarbageCollector | null;
  /** Leave huge functions unlowered (Func.unlowered): the backend interprets them, and
   *  lowers one itself before it compiles it (Backend.interpretsHugeFunctions). */
  leaveHugeUnlowered?: boolean;
  printAfter?: readonly string[];
  print?: (passName: string, m: Module) => void;
  prepared?: ReadonlySet<Func>;
  /** Verify again after the optimizer and after GC lowering (the input is always
   *  verified). Default: whether the JITC_VERIFY_PASSES environment variable is 1; file
   *  tests and `jitc conformance` verify, a plain run saves the time (about a fifth of
   *  preparing a Python program). */
  verifyPasses?: boolean;
}

const verifyPassesByDefault = (): boolean => process.env.JITC_VERIFY_PASSES === '1';

/**
 * Verifies, optimizes and (when asked) GC-lowers a module in place, then verifies again
 * if `verifyPasses`; functions in `prepared` went through all of this before and are skipped.
 */
export function prepareModule(module: Module, opts: PrepareModuleOptions): void {
  const prepared = opts.prepared ?? new Set<Func>();
  const again = opts.verifyPasses ?? verifyPassesByDefault();
  const all = module.funcs.filter((f) => !prepared.has(f));
  // Bodies still unread (parsed lazily) are prepared when first read: a function that
  // never runs is never parsed, verified, optimized or lowered. Printing after passes
  // wants the whole module, so it reads them now.
  let deferred = all.filter((f) => !f.hasBody);
  if (deferred.length > 0 && (opts.printAfter?.length ?? 0) > 0) {
    for (const f of deferred) void f.blocks;
    deferred = [];
  }
  const fresh = deferred.length > 0 ? all.filter((f) => f.hasBody) : all;
  // A prepared library was lowered exactly when the run lowers; anything else is a bug.
  if (prepared.size > 0 && module.lowered !== (opts.lowerWith !== null)) {
    throw new Error(
      `prepared library is ${module.lowered ? '' : 'not '}lowered, ` +
        `but this run ${opts.lowerWith ? 'lowers' : 'does not lower'}`,
    );
  }
  // Next to a lowered library, the program's own functions are lowered only below.
  const freshLowered = prepared.size > 0 ? false : module.lowered;
  check(verifyDeclsAndFunctions(module, fresh, freshLowered));
  const funcs = prepared.size > 0 || deferred.length > 0 ? fresh : undefined;
  // Huge functions run once: the optimizer leaves them as they are.
  const small = fresh.filter((f) => !isHugeFunction(f));
  const worthOptimizing = small.length < fresh.length ? small : funcs;
  runPipeline(module, opts.optLevel, opts.passes, {
    printAfter: opts.printAfter,
    print: opts.print,
    funcs: worthOptimizing,
  });
  if (again && opts.optLevel > 0) check(verifyFunctions(module, worthOptimizing ?? fresh, freshLowered));
  if (opts.lowerWith && (funcs || !module.lowered)) {
    // Lowering a module body of 100 000 lines costs more than interpreting it once.
    const leaveHuge = opts.leaveHugeUnlowered === true && small.length < fresh.length;
    const lowerNow = leaveHuge ? small : funcs;
    opts.lowerWith.lower(module, lowerNow);
    if (leaveHuge) {
      const lowered = new Set(small);
      for (const f of fresh) if (!lowered.has(f)) f.unlowered = true;
    }
    // Functions left as they were were checked above.
    if (again) check(verifyDeclsAndFunctions(module, lowerNow ?? fresh));
  }
  if (deferred.length === 0) return;
  const verifier = new FunctionVerifier(module);
  for (const f of deferred) f.afterRead((g) => prepareReadFunction(module, g, opts, verifier));
}

/** prepareModule's work for one function whose body was read lazily, in a module that may
 *  be lowered already. */
function prepareReadFunction(module: Module, f: Func, opts: PrepareModuleOptions, verifier: FunctionVerifier): void {
  check(verifier.verify([f], false));
  const again = opts.verifyPasses ?? verifyPassesByDefault();
  const huge = isHugeFunction(f);
  if (!huge) {
    runPipeline(module, opts.optLevel, opts.passes, { funcs: [f] });
    if (again && opts.optLevel > 0) check(verifier.verify([f], false));
  }
  if (!opts.lowerWith) return;
  if (huge && opts.leaveHugeUnlowered === true) {
    f.unlowered = true;
    return;
  }
  opts.lowerWith.lower(module, [f]);
  if (again) check(verifier.verify([f], true));
}

function check(errors: readonly VerifyError[]): void {
  if (errors.length > 0) throw new VerifyFailure(errors);
}

/** Whether a run's module is GC-lowered: native backends need it, `--lower` asks for it. */
export function runLowers(registry: Registry, config: RunConfig): boolean {
  return registry.forRun(config).lowers();
}

/** One run of `registry`'s plugins with `config`: prepareRunIn in a fresh child container. */
export function prepareRun(registry: Registry, module: Module, config: RunConfig, opts: PrepareOptions): PreparedRun {
  return prepareRunIn(registry.forRun(config), module, opts);
}

/**
 * One run: verify, optimize, GC-lower when the backend needs it, load into guest memory
 * and create the engine. The backend, the GC and the passes are resolved by name from the
 * run's child container (registry.forRun), so a service registered there replaces the
 * plugin's for this run only. The module is changed in place.
 */
export function prepareRunIn(run: RunScope, module: Module, opts: PrepareOptions): PreparedRun {
  const { config } = run;
  const backend = run.chosenBackend();
  const gc = run.chosenCollector();
  const passes = run.passes();
  const lowerWith = run.lowers() || module.lowered ? gc : null;
  const leaveHugeUnlowered = backend.interpretsHugeFunctions === true;
  const prepare = (): void =>
    prepareModule(module, {
      optLevel: config.optLevel,
      passes,
      lowerWith,
      leaveHugeUnlowered,
      printAfter: config.printAfter,
      print: opts.print,
      prepared: opts.prepared,
      verifyPasses: config.verifyPasses,
    });
  // Printing after passes and verifying after them both want the passes to run.
  const programCache = run.container.resolve(PROGRAM_CACHE);
  const verifies = config.verifyPasses ?? verifyPassesByDefault();
  const cacheable = programCache !== null && (config.printAfter ?? []).length === 0 && !verifies;
  const setting = `O${config.optLevel} ${lowerWith ? `lowered:${lowerWith.name}` : 'unlowered'}${leaveHugeUnlowered ? ' huge-unlowered' : ''}`;
  let programFromCache = false;
  if (cacheable)
    programFromCache = programCache.prepare(module, opts.prepared ?? new Set(), setting, prepare, opts.deferredProgram);
  else {
    opts.deferredProgram?.compile();
    prepare();
  }
  const program = new Program(module, {
    gc,
    out: opts.out,
    heapSize: config.heapSize,
    stackSize: config.stackSize,
    gcStress: config.gcStress,
    gcStressSeed: config.gcStressSeed,
    verifyHeap: config.verifyHeap,
    hosts: opts.hosts,
    countHostCalls: config.countInstructions,
  });
  program.hostContext.code = new ProgramCodeLoader(program, config.optLevel, passes, gc);
  const engine = backend.createEngine(program, engineOptions(run));
  return { run, module, program, engine, programFromCache };
}

/** What the engine is told: the run's options, and where the composition root keeps code. */
export function engineOptions(run: RunScope): EngineOptions {
  const { config } = run;
  return {
    fuel: config.fuel,
    jitThreshold: config.jitThreshold,
    cpu: config.cpu,
    countInstructions: config.countInstructions,
    codeCache: run.container.resolve(CODE_CACHE),
  };
}
