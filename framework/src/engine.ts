import type { Program } from './runtime/program.ts';

export interface EngineStats {
  /** IR instructions (interpreter) or guest machine instructions (native), when counted. */
  instructions: number;
  calls: number;
  hostCalls: number;
  /** Guest stores (native, when counted). */
  stores: number;
  compiledFunctions: number;
  compileMillis: number;
  /** Time running native code, compiling excluded (native backends). */
  nativeMillis: number;
  /** Time in the interpreter (the interpreter, or a tiered engine's first tier). */
  interpMillis: number;
  /** Functions whose machine code came from the code cache instead of the compiler. */
  cachedFunctions?: number;
  /** How often each instruction-selection pattern matched in the functions compiled. */
  selectedPatterns?: () => readonly [string, number][];
  /** Native guest instructions by function, when instructions are counted. */
  instructionsByFunction?: () => ReadonlyMap<string, number>;
}

/** A directory for compiled code, one subdirectory per build of jitc: code compiled by one
 *  build is never found by another, and other builds' directories are cleaned up. */
export interface CodeCacheLocation {
  readonly root: string;
  readonly build: string;
}

export interface EngineOptions {
  /** Instruction budget; exceeding it traps fuel_exhausted. Infinity = none. */
  fuel?: number;
  /** Calls + back-edges before a function is compiled; 0 compiles before the first call. */
  jitThreshold?: number;
  /** Target CPU model, for native backends. */
  cpu?: string;
  /** Count guest instructions and stores exactly (slow on native backends). */
  countInstructions?: boolean;
  /** Where a native backend may keep compiled code across runs (null or absent: nowhere;
   *  it is then kept for this process only). */
  codeCache?: CodeCacheLocation | null;
  /** Native backends: wall-clock milliseconds one call into guest code may take before it
   *  is stopped with an error. A guard for runs whose code may never end (a conformance
   *  case on a broken backend), not a budget: it is not reproducible. None by default. */
  timeLimitMs?: number;
}

/** Runs functions of a loaded program; one per run. */
export interface Engine {
  /** Calls a function with i32/ref/f64 arguments; returns its result or undefined.
   *  Throws a Trap (with `where` naming the function) on any guest fault. */
  call(name: string, args: number[]): number | undefined;
  readonly stats: EngineStats;
  dispose(): void;
}

/** What a backend plugin provides: the interpreter is one, native backends are others. */
export interface Backend {
  readonly name: string;
  readonly description: string;
  /** Native backends run GC-lowered IR; the interpreter runs either form. */
  readonly requiresLowering: boolean;
  /** Huge functions (isHugeFunction) run in the backend's interpreter tier, so the driver
   *  leaves them unlowered (Func.unlowered); the backend lowers one before compiling it,
   *  through Program.lowerForNative. */
  readonly interpretsHugeFunctions?: boolean;
  createEngine(program: Program, options: EngineOptions): Engine;
  /** `--emit asm`: the machine code of every function (native backends). */
  disassemble?(program: Program, options: EngineOptions): string;
}

export function emptyStats(): EngineStats {
  return {
    instructions: 0,
    calls: 0,
    hostCalls: 0,
    stores: 0,
    compiledFunctions: 0,
    compileMillis: 0,
    nativeMillis: 0,
    interpMillis: 0,
  };
}
