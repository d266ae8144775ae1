// The tiered engine of every native backend: the reference interpreter runs first and counts calls and loop
// back-edges per function; past the threshold a function is compiled and its later calls
// run natively (one uc_emu_start each; native code reaches uncompiled callees through the
// code cache's lazy stubs, never the interpreter). A function hot in a loop keeps
// interpreting that activation: there is no on-stack replacement. Both tiers register as
// GC root sources: interpreter frames and the guest stack.
import { emptyStats, type Engine, type EngineOptions, type EngineStats } from '../engine.ts';
import { Interpreter } from '../interp/interpreter.ts';
import type { Func } from '../ir/module.ts';
import { GuestException } from '../runtime/host.ts';
import type { Program } from '../runtime/program.ts';
import { HugeFunctions } from './huge-functions.ts';
import { NativeEngine } from './native-engine.ts';
import type { NativeIsa } from './native-isa.ts';
import type { NativeTier } from './native-tier.ts';

export class TieredEngine<D, K> implements Engine {
  private readonly native: NativeEngine<D, K>;
  private readonly interp: Interpreter;
  /** By table index: the module's own array, which grows as code is loaded at run time. */
  private readonly funcs: readonly Func[];
  private readonly merged: EngineStats = emptyStats();
  private callMillis = 0;

  constructor(isa: NativeIsa<D, K>, program: Program, options: EngineOptions, threshold: number) {
    this.funcs = program.module.funcs;
    this.native = new NativeEngine(isa, program, options, false);
    const huge = new HugeFunctions(program.module);
    const tier: NativeTier = {
      threshold,
      compile: (index) => {
        const func = this.funcs[index]!;
        if (huge.reaches(func)) return false;
        this.native.ensureCompiled(func.name);
        return true;
      },
      call: (index, args) => {
        const { value, raised } = this.native.callNative(this.funcs[index]!.name, args);
        if (raised) throw new GuestException(value!);
        return value;
      },
    };
    try {
      this.interp = new Interpreter(program, options, tier);
    } catch (error) {
      this.native.dispose();
      throw error;
    }
  }

  get stats(): EngineStats {
    const n = this.native.stats,
      i = this.interp.stats,
      s = this.merged;
    // Interpreter instructions are IR instructions, native ones guest instructions.
    s.instructions = i.instructions + n.instructions;
    s.calls = i.calls;
    s.hostCalls = i.hostCalls + n.hostCalls;
    s.stores = n.stores;
    s.compiledFunctions = n.compiledFunctions;
    s.cachedFunctions = n.cachedFunctions;
    s.compileMillis = n.compileMillis;
    s.nativeMillis = n.nativeMillis;
    s.interpMillis = Math.max(0, this.callMillis - n.nativeMillis - n.compileMillis);
    s.instructionsByFunction = n.instructionsByFunction;
    s.selectedPatterns = n.selectedPatterns;
    return s;
  }

  call(name: string, args: number[]): number | undefined {
    const started = performance.now();
    try {
      return this.interp.call(name, args);
    } finally {
      this.callMillis += performance.now() - started;
    }
  }

  disassemble(): string {
    return this.native.disassemble();
  }

  dispose(): void {
    this.interp.dispose();
    this.native.dispose();
  }
}
